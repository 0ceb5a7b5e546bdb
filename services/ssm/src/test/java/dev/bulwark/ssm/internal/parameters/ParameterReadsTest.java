package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.testing.SsmTestKit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.Tag;

class ParameterReadsTest {
    private final SsmTestKit kit = new SsmTestKit();

    private Parameter get(String name) {
        return kit.<GetParameterResponse>call(kit.caller(), "GetParameter",
                GetParameterRequest.builder().name(name).build()).parameter();
    }

    private GetParametersResponse getAll(String... names) {
        return kit.call(kit.caller(), "GetParameters", GetParametersRequest.builder().names(names).build());
    }

    private void label(String name, long version, String... labels) {
        kit.call(kit.caller(), "LabelParameterVersion", LabelParameterVersionRequest.builder().name(name)
                .parameterVersion(version).labels(labels).build());
    }

    @Test
    void getParameterShowsTheCurrentVersionAsAwsRecordsIt() {
        kit.put("/app/url", "https://example.com");
        kit.clock.advance(Duration.ofMinutes(1));
        kit.overwrite("/app/url", "https://example.org");

        Parameter parameter = get("/app/url");
        assertThat(parameter.name()).isEqualTo("/app/url");
        assertThat(parameter.typeAsString()).isEqualTo("String");
        assertThat(parameter.value()).isEqualTo("https://example.org");
        assertThat(parameter.version()).isEqualTo(2);
        assertThat(parameter.arn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/app/url");
        assertThat(parameter.dataType()).isEqualTo("text");
        assertThat(parameter.lastModifiedDate()).isEqualTo(kit.clock.instant());
        assertThat(parameter.selector()).isNull();
        assertThat(kit.lastAuthorization("ssm:GetParameter").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/app/url");
    }

    @Test
    void aMissingParameterIsParameterNotFoundWithoutAMessage() {
        assertAwsError(() -> get("/nothing"), "ParameterNotFound", null);
    }

    @Test
    void selectorsNameAVersionOrALabel() {
        kit.put("/sel", "one");
        kit.overwrite("/sel", "two");
        kit.overwrite("/sel", "three");
        label("/sel", 2, "prod");

        assertThat(get("/sel:1").value()).isEqualTo("one");
        assertThat(get("/sel:1").selector()).isEqualTo(":1");
        assertThat(get("/sel:prod").value()).isEqualTo("two");
        assertThat(get("/sel:prod").selector()).isEqualTo(":prod");
        assertThat(get("/sel:prod").version()).isEqualTo(2);
        assertAwsError(() -> get("/sel:9"), "ParameterVersionNotFound",
                "Systems Manager could not find version 9 of /sel. Verify the version and try again.");
        assertAwsError(() -> get("/sel:nolabel"), "ParameterNotFound", null);
    }

    @Test
    void byArnTheParameterIsShownUnderItsOwnName() {
        kit.put("param", "test");

        Parameter byArn = get(SsmTestKit.ARN_PREFIX + "/param");
        assertThat(byArn.name()).isEqualTo("param");
        assertThat(byArn.arn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/param");
        assertThat(get(SsmTestKit.ARN_PREFIX + "/param:1").value()).isEqualTo("test");
    }

    @Test
    void getParametersListsFoundParametersInNameOrderAndTheRestAsInvalid() {
        kit.put("/b", "B");
        kit.put("/a", "A");
        kit.put("/c", "C");

        GetParametersResponse response = getAll("/c", "/missing", "/a", "/b:7", "/a", "/b");
        assertThat(response.parameters()).extracting(Parameter::name).containsExactly("/a", "/b", "/c");
        assertThat(response.invalidParameters()).containsExactly("/missing", "/b:7");
        assertThat(kit.lastAuthorization("ssm:GetParameters").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/b");
    }

    @Test
    void getParametersAlwaysListsInvalidParametersAsAwsDoes() {
        kit.put("/only", "1");
        assertThat(getAll("/only").invalidParameters()).isEmpty();
        assertThat(getAll("/only").hasInvalidParameters()).isTrue();
    }

    @Test
    void getParametersTakesOneToTenNames() {
        assertAwsError(() -> getAll("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), "ValidationException",
                "1 validation error detected: Value '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]' at 'names' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 10");
    }

    @Test
    void historyListsVersionsOldestFirstWithTheirLabelsAndPages() {
        kit.put("/h", "v1");
        kit.overwrite("/h", "v2");
        kit.overwrite("/h", "v3");
        label("/h", 1, "first", "alpha");

        GetParameterHistoryResponse page = kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/h").maxResults(2).build());
        assertThat(page.parameters()).extracting(ParameterHistory::version).containsExactly(1L, 2L);
        assertThat(page.parameters().getFirst().labels()).containsExactly("alpha", "first");
        assertThat(page.parameters().get(1).labels()).isEmpty();
        assertThat(page.parameters().getFirst().value()).isEqualTo("v1");
        assertThat(page.nextToken()).isNotNull();

        GetParameterHistoryResponse rest = kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/h").maxResults(2).nextToken(page.nextToken()).build());
        assertThat(rest.parameters()).extracting(ParameterHistory::version).containsExactly(3L);
        assertThat(rest.nextToken()).isNull();
    }

    @Test
    void historyOfAMissingParameterAndABadTokenAreErrors() {
        assertAwsError(() -> kit.call(kit.caller(), "GetParameterHistory", GetParameterHistoryRequest.builder().name("/none").build()),
                "ParameterNotFound", null);
        kit.put("/h", "v1");
        assertAwsError(() -> kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/h").nextToken("!!").build()), "InvalidNextToken");
        assertAwsError(() -> kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/h").maxResults(51).build()), "ValidationException",
                "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "less than or equal to 50");
    }

    @Test
    void stringListValuesAreReturnedAsWritten() {
        kit.put(PutParameterRequest.builder().name("/list").value("a,b,c")
                .type("StringList").build());
        assertThat(get("/list").value()).isEqualTo("a,b,c");
        assertThat(get("/list").typeAsString()).isEqualTo("StringList");
        assertThat(List.of(get("/list").value().split(","))).containsExactly("a", "b", "c");
    }

    @Test
    void authorizationSeesTheParametersTagsAndPrecedesNotFound() {
        kit.put(PutParameterRequest.builder().name("/tagged").value("v").type("String")
                .tags(Tag.builder().key("team").value("core").build()).build());
        assertThat(kit.lastAuthorization("ssm:PutParameter").conditionKeys())
                .containsEntry("ssm:Overwrite", List.of("false"))
                .containsEntry("aws:RequestTag/team", List.of("core"))
                .containsEntry("aws:TagKeys", List.of("team"));

        get("/tagged");
        assertThat(kit.lastAuthorization("ssm:GetParameter").conditionKeys())
                .containsEntry("ssm:resourceTag/team", List.of("core"))
                .containsEntry("aws:ResourceTag/team", List.of("core"));

        kit.deny("ssm:GetParameter");
        assertAwsError(() -> get("/missing"), "AccessDeniedException");
        assertAwsError(() -> get("/tagged:9"), "AccessDeniedException");
    }
}
