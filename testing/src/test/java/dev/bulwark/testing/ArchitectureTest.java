package dev.bulwark.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency arrows of docs/architecture.md, enforced. */
class ArchitectureTest {
    private static final String[] SERVICES = {"dev.bulwark.sts..", "dev.bulwark.iam..", "dev.bulwark.kms..",
            "dev.bulwark.ssm..", "dev.bulwark.cloudtrail.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bulwark");
    }

    @Test
    void servicesDoNotKnowNettyTheProtocolModuleOrTheServer() {
        noClasses().that().resideInAnyPackage(SERVICES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.netty..", "dev.bulwark.protocol..", "dev.bulwark.http..", "dev.bulwark.server..")
                .check(classes);
    }

    @Test
    void servicesUseEachOthersPublicApiOnly() {
        noClasses().that().resideOutsideOfPackage("dev.bulwark.iam..")
                .should().dependOnClassesThat().resideInAPackage("dev.bulwark.iam.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.bulwark.sts..")
                .should().dependOnClassesThat().resideInAPackage("dev.bulwark.sts.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.bulwark.kms..")
                .should().dependOnClassesThat().resideInAPackage("dev.bulwark.kms.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.bulwark.ssm..")
                .should().dependOnClassesThat().resideInAPackage("dev.bulwark.ssm.internal..")
                .check(classes);
    }

    @Test
    void theProtocolModuleKnowsNoNettyAndNoStorage() {
        noClasses().that().resideInAPackage("dev.bulwark.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "dev.bulwark.store..", "java.sql..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherBulwarkModule() {
        noClasses().that().resideInAPackage("dev.bulwark.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.bulwark.crypto..", "dev.bulwark.store..", "dev.bulwark.auth..", "dev.bulwark.audit..",
                        "dev.bulwark.protocol..", "dev.bulwark.http..", "dev.bulwark.server..")
                .check(classes);
    }

    @Test
    void thePlatformDoesNotDependOnTheServer() {
        noClasses().that().resideInAnyPackage("dev.bulwark.crypto..", "dev.bulwark.store..", "dev.bulwark.auth..",
                        "dev.bulwark.audit..", "dev.bulwark.protocol..", "dev.bulwark.http..")
                .should().dependOnClassesThat().resideInAPackage("dev.bulwark.server..")
                .check(classes);
    }

    @Test
    void onlyTheHttpModuleTouchesNetty() {
        noClasses().that().resideOutsideOfPackage("dev.bulwark.http..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }
}
