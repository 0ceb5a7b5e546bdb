package dev.bulwark.testing.ssm;

import static dev.bulwark.testing.ssm.SsmErrors.assertSsmError;
import static dev.bulwark.testing.ssm.SsmErrors.assertSsmErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Parameter Store through the real AWS SDK for Java v2, compared with AWS's recorded answers
 * (reference/aws-recorded/test_ssm.snapshot.json) where a scenario is recorded.
 */
class SsmParametersEndToEndTest {
    private static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:" + BulwarkTestServer.ACCOUNT + ":parameter";
    private static BulwarkTestServer server;
    private static SsmClient ssm;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        ssm = server.client(SsmClient.builder());
    }

    @AfterAll
    static void stop() {
        ssm.close();
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void recordedGetParameterByArn() {
        // test_ssm.py::TestSSM::test_get_parameter_by_arn
        String name = unique("param");
        ssm.putParameter(request -> request.name(name).value("test").type(ParameterType.STRING));
        Parameter byName = ssm.getParameter(request -> request.name(name)).parameter();

        Parameter byArn = ssm.getParameter(request -> request.name(byName.arn())).parameter();

        assertThat(byArn.arn()).isEqualTo(ARN_PREFIX + "/" + name);
        assertThat(byArn.dataType()).isEqualTo("text");
        assertThat(byArn.lastModifiedDate()).isNotNull();
        assertThat(byArn.name()).isEqualTo(name);
        assertThat(byArn.typeAsString()).isEqualTo("String");
        assertThat(byArn.value()).isEqualTo("test");
        assertThat(byArn.version()).isEqualTo(1);
        assertThat(byArn.selector()).isNull();
        assertThat(byArn.sourceResult()).isNull();
    }

    @Test
    void recordedParametersWithPath() {
        // test_ssm.py::TestSSM::test_parameters_with_path
        String name = "/" + unique("path") + "/param";
        PutParameterResponse put = ssm.putParameter(request -> request.name(name).value("123").type(ParameterType.STRING));
        assertThat(put.version()).isEqualTo(1);
        assertThat(put.tier()).isEqualTo(ParameterTier.STANDARD);

        Parameter byName = ssm.getParameter(request -> request.name(name)).parameter();
        Parameter byArn = ssm.getParameter(request -> request.name(ARN_PREFIX + name)).parameter();
        for (Parameter parameter : List.of(byName, byArn)) {
            assertThat(parameter.arn()).isEqualTo(ARN_PREFIX + name);
            assertThat(parameter.name()).isEqualTo(name);
            assertThat(parameter.value()).isEqualTo("123");
            assertThat(parameter.version()).isEqualTo(1);
            assertThat(parameter.dataType()).isEqualTo("text");
        }

        GetParametersResponse many = ssm.getParameters(request -> request.names(name));
        GetParametersResponse manyByArn = ssm.getParameters(request -> request.names(ARN_PREFIX + name));
        for (GetParametersResponse response : List.of(many, manyByArn)) {
            assertThat(response.hasInvalidParameters()).as("InvalidParameters is present, even empty").isTrue();
            assertThat(response.invalidParameters()).isEmpty();
            assertThat(response.parameters()).extracting(Parameter::name).containsExactly(name);
        }
    }

    @Test
    void aParameterIsCreatedOverwrittenAndKeepsItsHistory() {
        String name = "/" + unique("app") + "/setting";
        ssm.putParameter(request -> request.name(name).value("one").type(ParameterType.STRING).description("a setting"));
        assertSsmError(() -> ssm.putParameter(request -> request.name(name).value("two").type(ParameterType.STRING)),
                "ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        assertThat(ssm.putParameter(request -> request.name(name).value("two").overwrite(true)).version()).isEqualTo(2);

        List<ParameterHistory> history = ssm.getParameterHistory(request -> request.name(name)).parameters();
        assertThat(history).extracting(ParameterHistory::value).containsExactly("one", "two");
        assertThat(history).extracting(ParameterHistory::description).containsOnly("a setting");
        assertThat(ssm.getParameter(request -> request.name(name + ":1")).parameter().value()).isEqualTo("one");
    }

    @Test
    void missingParametersAndVersionsAreAwsErrors() {
        assertSsmErrorCode(() -> ssm.getParameter(request -> request.name("/no/such/parameter")), "ParameterNotFound");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ssm.getParameter(request -> request.name("/no/such/parameter")))
                .isInstanceOf(ParameterNotFoundException.class);
        String name = "/" + unique("v");
        ssm.putParameter(request -> request.name(name).value("v").type(ParameterType.STRING));
        assertSsmError(() -> ssm.getParameter(request -> request.name(name + ":7")), "ParameterVersionNotFound",
                "Systems Manager could not find version 7 of " + name + ". Verify the version and try again.");
        assertSsmError(() -> ssm.getParameter(request -> request.name("/a//b")), "ValidationException",
                "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, it can consist of "
                        + "sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the "
                        + "following 3 symbols .-_");
        assertSsmErrorCode(() -> ssm.putParameter(request -> request.name("/aws/mine").value("v").type(ParameterType.STRING)),
                "AccessDeniedException");
    }

    @Test
    void labelsSelectVersionsAndMove() {
        String name = "/" + unique("labels");
        ssm.putParameter(request -> request.name(name).value("v1").type(ParameterType.STRING));
        ssm.putParameter(request -> request.name(name).value("v2").overwrite(true));

        assertThat(ssm.labelParameterVersion(request -> request.name(name).parameterVersion(1L).labels("prod", "9bad"))
                .invalidLabels()).containsExactly("9bad");
        assertThat(ssm.getParameter(request -> request.name(name + ":prod")).parameter().value()).isEqualTo("v1");
        ssm.labelParameterVersion(request -> request.name(name).labels("prod"));
        assertThat(ssm.getParameter(request -> request.name(name + ":prod")).parameter().value()).isEqualTo("v2");
        assertThat(ssm.unlabelParameterVersion(request -> request.name(name).parameterVersion(2L).labels("prod"))
                .removedLabels()).containsExactly("prod");
    }

    @Test
    void parametersAreFoundByPathAndDescribedWithFilters() {
        String root = "/" + unique("tree");
        for (String leaf : List.of("/a", "/b", "/sub/c", "/sub/d", "/sub/deeper/e")) {
            ssm.putParameter(request -> request.name(root + leaf).value(leaf).type(ParameterType.STRING)
                    .tags(Tag.builder().key("tree").value(root).build()));
        }

        List<String> oneLevel = ssm.getParametersByPathPaginator(request -> request.path(root).maxResults(1)).stream()
                .flatMap(page -> page.parameters().stream()).map(Parameter::name).toList();
        assertThat(oneLevel).containsExactly(root + "/a", root + "/b");
        List<String> all = ssm.getParametersByPathPaginator(request -> request.path(root).recursive(true).maxResults(2)).stream()
                .flatMap(page -> page.parameters().stream()).map(Parameter::name).toList();
        assertThat(all).hasSize(5);

        List<String> described = ssm.describeParametersPaginator(request -> request
                        .parameterFilters(filter -> filter.key("Path").option("Recursive").values(root + "/sub"),
                                filter -> filter.key("tag:tree").values(root))
                        .maxResults(1)).stream()
                .flatMap(page -> page.parameters().stream()).map(ParameterMetadata::name).toList();
        assertThat(described).containsExactly(root + "/sub/c", root + "/sub/d", root + "/sub/deeper/e");
        assertSsmError(() -> ssm.describeParameters(request -> request.parameterFilters(filter -> filter.key("Label").values("x"))),
                "InvalidFilterKey",
                "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].");
    }

    @Test
    void tagsAreManagedOnParameters() {
        String name = "/" + unique("tags");
        ssm.putParameter(request -> request.name(name).value("v").type(ParameterType.STRING));

        ssm.addTagsToResource(request -> request.resourceType("Parameter").resourceId(name)
                .tags(Tag.builder().key("owner").value("team-a").build()));
        assertThat(ssm.listTagsForResource(request -> request.resourceType("Parameter").resourceId(name)).tagList())
                .containsExactly(Tag.builder().key("owner").value("team-a").build());
        ssm.removeTagsFromResource(request -> request.resourceType("Parameter").resourceId(name).tagKeys("owner"));
        assertThat(ssm.listTagsForResource(request -> request.resourceType("Parameter").resourceId(name)).tagList()).isEmpty();
        assertSsmErrorCode(() -> ssm.listTagsForResource(request -> request.resourceType("Parameter").resourceId("/none")),
                "InvalidResourceId");
    }

    @Test
    void parametersAreDeleted() {
        String first = "/" + unique("del");
        String second = "/" + unique("del");
        ssm.putParameter(request -> request.name(first).value("v").type(ParameterType.STRING));
        ssm.putParameter(request -> request.name(second).value("v").type(ParameterType.STRING));

        ssm.deleteParameter(request -> request.name(first));
        assertSsmErrorCode(() -> ssm.deleteParameter(request -> request.name(first)), "ParameterNotFound");
        var deleted = ssm.deleteParameters(request -> request.names(first, second));
        assertThat(deleted.deletedParameters()).containsExactly(second);
        assertThat(deleted.invalidParameters()).containsExactly(first);
    }

    @Test
    void serviceSettingsAreReadChangedAndReset() {
        String tier = "/ssm/parameter-store/default-parameter-tier";
        assertThat(ssm.getServiceSetting(request -> request.settingId(tier)).serviceSetting().settingValue()).isEqualTo("Standard");

        ssm.updateServiceSetting(request -> request.settingId(tier).settingValue("Intelligent-Tiering"));
        try {
            String large = "/" + unique("large");
            assertThat(ssm.putParameter(request -> request.name(large).value("x".repeat(5000)).type(ParameterType.STRING)).tier())
                    .isEqualTo(ParameterTier.ADVANCED);
        } finally {
            assertThat(ssm.resetServiceSetting(request -> request.settingId(tier)).serviceSetting().status()).isEqualTo("Default");
        }
        assertThat(ssm.getServiceSetting(request -> request.settingId(tier)).serviceSetting().arn())
                .isEqualTo("arn:aws:ssm:us-east-1:" + BulwarkTestServer.ACCOUNT + ":servicesetting" + tier);
    }

    @Test
    void theAuditTrailNamesTheParameterAndNeverItsValue() {
        String name = "/" + unique("audited");
        ssm.putParameter(request -> request.name(name).value("audit-me-not").type(ParameterType.STRING));
        GetParameterResponse read = ssm.getParameter(request -> request.name(name));
        assertThat(read.parameter().value()).isEqualTo("audit-me-not");

        List<CallRecord> records = server.auditRecords().stream()
                .filter(record -> record.resources().contains(ARN_PREFIX + name)).toList();
        assertThat(records).extracting(CallRecord::eventName).containsExactly("PutParameter", "GetParameter");
        assertThat(records).extracting(CallRecord::eventSource).containsOnly("ssm.amazonaws.com");
        assertThat(records.toString()).doesNotContain("audit-me-not");
    }
}
