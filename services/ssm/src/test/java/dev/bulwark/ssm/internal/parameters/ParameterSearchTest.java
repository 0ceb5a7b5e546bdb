package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.testing.SsmTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParametersFilter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.Tag;

class ParameterSearchTest {
    private final SsmTestKit kit = new SsmTestKit();

    @BeforeEach
    void parameters() {
        kit.put("root", "r");
        kit.put("/app/name", "n");
        kit.put(PutParameterRequest.builder().name("/app/db/password").value("p").type(ParameterType.SECURE_STRING).build());
        kit.put(PutParameterRequest.builder().name("/app/db/hosts").value("a,b").type(ParameterType.STRING_LIST)
                .tags(Tag.builder().key("team").value("storage").build()).build());
        kit.put(PutParameterRequest.builder().name("/other/x").value("x").type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
                .tags(Tag.builder().key("team").value("web").build()).build());
        kit.put(PutParameterRequest.builder().name("/other/ami").value("ami-0123456789abcdef0").type(ParameterType.STRING)
                .dataType("aws:ec2:image").build());
    }

    private List<String> describe(ParameterStringFilter... filters) {
        DescribeParametersResponse response = kit.call(kit.caller(), "DescribeParameters",
                DescribeParametersRequest.builder().parameterFilters(filters).maxResults(50).build());
        return response.parameters().stream().map(ParameterMetadata::name).toList();
    }

    private static ParameterStringFilter filter(String key, String option, String... values) {
        return ParameterStringFilter.builder().key(key).option(option).values(values).build();
    }

    private GetParametersByPathResponse byPath(GetParametersByPathRequest request) {
        return kit.call(kit.caller(), "GetParametersByPath", request);
    }

    @Test
    void describeParametersListsEveryParameterWithItsMetadataButNoValue() {
        DescribeParametersResponse response = kit.call(kit.caller(), "DescribeParameters",
                DescribeParametersRequest.builder().maxResults(50).build());

        assertThat(response.parameters()).extracting(ParameterMetadata::name)
                .containsExactly("/app/db/hosts", "/app/db/password", "/app/name", "/other/ami", "/other/x", "root");
        ParameterMetadata password = response.parameters().get(1);
        assertThat(password.keyId()).isEqualTo("alias/aws/ssm");
        assertThat(password.arn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/app/db/password");
        assertThat(password.tierAsString()).isEqualTo("Standard");
        assertThat(password.policies()).isEmpty();
        assertThat(kit.lastAuthorization("ssm:DescribeParameters").resourceArn()).isEqualTo("*");
    }

    @Test
    void nameFiltersEqualBeginWithAndContain() {
        assertThat(describe(filter("Name", "Equals", "root"))).containsExactly("root");
        assertThat(describe(filter("Name", "Equals", "/root"))).containsExactly("root");
        assertThat(describe(filter("Name", "BeginsWith", "/app/db"))).containsExactly("/app/db/hosts", "/app/db/password");
        assertThat(describe(filter("Name", "Contains", "pass"))).containsExactly("/app/db/password");
    }

    @Test
    void pathFiltersReadOneLevelOrRecursively() {
        assertThat(describe(filter("Path", null, "/app"))).containsExactly("/app/name");
        assertThat(describe(filter("Path", "Recursive", "/app"))).containsExactly("/app/db/hosts", "/app/db/password", "/app/name");
        assertThat(describe(filter("Path", "OneLevel", "/"))).containsExactly("root");
        assertThat(describe(filter("Path", "OneLevel", "/app/db/"))).containsExactly("/app/db/hosts", "/app/db/password");
    }

    @Test
    void attributeAndTagFiltersMatchTheCurrentVersion() {
        assertThat(describe(filter("Type", "Equals", "SecureString", "StringList"))).containsExactly("/app/db/hosts", "/app/db/password");
        assertThat(describe(filter("KeyId", "Equals", "alias/aws/ssm"))).containsExactly("/app/db/password");
        assertThat(describe(filter("Tier", "Equals", "Advanced"))).containsExactly("/other/x");
        assertThat(describe(filter("DataType", "Equals", "aws:ec2:image"))).containsExactly("/other/ami");
        assertThat(describe(filter("tag:team", "Equals", "web"))).containsExactly("/other/x");
        assertThat(describe(filter("tag:team", "BeginsWith", "st"))).containsExactly("/app/db/hosts");
        assertThat(describe(ParameterStringFilter.builder().key("tag:team").build())).containsExactly("/app/db/hosts", "/other/x");
        assertThat(describe(filter("Path", "Recursive", "/app"), filter("Type", "Equals", "String"))).containsExactly("/app/name");
    }

    @Test
    void legacyFiltersStillWork() {
        DescribeParametersResponse response = kit.call(kit.caller(), "DescribeParameters", DescribeParametersRequest.builder()
                .filters(ParametersFilter.builder().key("Name").values("/app/d").build()).build());
        assertThat(response.parameters()).extracting(ParameterMetadata::name).containsExactly("/app/db/hosts", "/app/db/password");
    }

    @Test
    void filtersAreCheckedAsAwsChecksThem() {
        assertAwsError(() -> describe(filter("Label", "Equals", "x")), "InvalidFilterKey",
                "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].");
        assertAwsError(() -> describe(filter("Type", "Contains", "String")), "InvalidFilterOption",
                "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].");
        assertAwsError(() -> describe(filter("Path", "Equals", "/app")), "InvalidFilterOption",
                "The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].");
        assertAwsError(() -> describe(filter("Type", "Equals", "Secure")), "InvalidFilterValue",
                "The following filter value is not valid: Secure. Valid values include: [String, StringList, SecureString].");
        assertAwsError(() -> describe(filter("Name", "Equals", "a"), filter("Name", "Equals", "b")), "InvalidFilterKey",
                "The following filter is duplicated in the request: Name. A request can contain only one occurrence of a "
                        + "specific filter.");
        assertAwsError(() -> describe(ParameterStringFilter.builder().key("Name").build()), "InvalidFilterValue",
                "The following filter values are missing : null for filter key Name.");
        assertAwsError(() -> describe(filter("Path", "Recursive", "/aws/service")), "ValidationException");
        assertAwsError(() -> describe(filter("Colour", "Equals", "red")), "ValidationException",
                "1 validation error detected: Value 'Colour' at 'parameterFilters.1.member.key' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");
        assertAwsError(() -> kit.call(kit.caller(), "DescribeParameters", DescribeParametersRequest.builder()
                .filters(ParametersFilter.builder().key("Name").values("a").build())
                .parameterFilters(filter("Name", "Equals", "a")).build()), "ValidationException",
                "You can use either Filters or ParameterFilters in a single request.");
    }

    @Test
    void describePagesWithNextToken() {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            DescribeParametersResponse page = kit.call(kit.caller(), "DescribeParameters",
                    DescribeParametersRequest.builder().maxResults(4).nextToken(token).build());
            page.parameters().forEach(parameter -> names.add(parameter.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(names).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void byPathReadsOneLevelOrEveryLevelAndAuthorizesOnThePath() {
        GetParametersByPathResponse oneLevel = byPath(GetParametersByPathRequest.builder().path("/app").build());
        assertThat(oneLevel.parameters()).extracting(Parameter::name).containsExactly("/app/name");
        assertThat(kit.lastAuthorization("ssm:GetParametersByPath").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/app");

        GetParametersByPathResponse recursive = byPath(GetParametersByPathRequest.builder().path("/app/").recursive(true)
                .withDecryption(true).build());
        assertThat(recursive.parameters()).extracting(Parameter::name).containsExactly("/app/db/hosts", "/app/db/password", "/app/name");
        assertThat(recursive.parameters()).extracting(Parameter::value).containsExactly("a,b", "p", "n");
        assertThat(byPath(GetParametersByPathRequest.builder().path("/").build()).parameters())
                .extracting(Parameter::name).containsExactly("root");
    }

    @Test
    void byPathLabelFiltersReturnTheLabelledVersion() {
        kit.overwrite("/app/name", "n2");
        kit.call(kit.caller(), "LabelParameterVersion", LabelParameterVersionRequest.builder().name("/app/name")
                .parameterVersion(1L).labels("stable").build());

        GetParametersByPathResponse labelled = byPath(GetParametersByPathRequest.builder().path("/app").recursive(true)
                .parameterFilters(filter("Label", "Equals", "stable")).build());
        assertThat(labelled.parameters()).hasSize(1);
        assertThat(labelled.parameters().getFirst().value()).isEqualTo("n");
        assertThat(labelled.parameters().getFirst().version()).isEqualTo(1);
        assertThat(labelled.parameters().getFirst().selector()).isEqualTo(":stable");
    }

    @Test
    void byPathTakesOnlyTypeKeyIdAndLabelFilters() {
        assertThat(byPath(GetParametersByPathRequest.builder().path("/app").recursive(true)
                .parameterFilters(filter("Type", "Equals", "SecureString")).build()).parameters())
                .extracting(Parameter::name).containsExactly("/app/db/password");
        assertAwsError(() -> byPath(GetParametersByPathRequest.builder().path("/app")
                .parameterFilters(filter("Name", "Equals", "x")).build()), "InvalidFilterKey",
                "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId, Label].");
        assertAwsError(() -> byPath(GetParametersByPathRequest.builder().path("/app")
                .parameterFilters(filter("Label", "BeginsWith", "x")).build()), "InvalidFilterOption");
    }

    @Test
    void byPathPagesAndRefusesMalformedPaths() {
        GetParametersByPathResponse first = byPath(GetParametersByPathRequest.builder().path("/app").recursive(true).maxResults(2).build());
        assertThat(first.parameters()).hasSize(2);
        GetParametersByPathResponse second = byPath(GetParametersByPathRequest.builder().path("/app").recursive(true).maxResults(2)
                .nextToken(first.nextToken()).build());
        assertThat(second.parameters()).extracting(Parameter::name).containsExactly("/app/name");
        assertThat(second.nextToken()).isNull();

        assertAwsError(() -> byPath(GetParametersByPathRequest.builder().path("app").build()), "ValidationException");
        assertAwsError(() -> byPath(GetParametersByPathRequest.builder().path("/app").maxResults(11).build()), "ValidationException",
                "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "less than or equal to 10");
    }
}
