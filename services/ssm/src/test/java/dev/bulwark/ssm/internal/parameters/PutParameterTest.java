package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.internal.ParameterQuotas;
import dev.bulwark.ssm.testing.SsmTestKit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.UpdateServiceSettingRequest;

class PutParameterTest {
    private final SsmTestKit kit = new SsmTestKit();

    private GetParameterResponse get(String name) {
        return kit.call(kit.caller(), "GetParameter", GetParameterRequest.builder().name(name).withDecryption(true).build());
    }

    private ParameterMetadata describe(String name) {
        DescribeParametersResponse response = kit.call(kit.caller(), "DescribeParameters", DescribeParametersRequest.builder()
                .parameterFilters(filter -> filter.key("Name").values(name)).build());
        return response.parameters().getFirst();
    }

    @Test
    void createsVersionOneInTheStandardTierAndAuthorizesOnTheParameterArn() {
        PutParameterResponse response = kit.put("/app/db/host", "db.internal");

        assertThat(response.version()).isEqualTo(1);
        assertThat(response.tier()).isEqualTo(ParameterTier.STANDARD);
        assertThat(kit.lastAuthorization("ssm:PutParameter").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/app/db/host");
        assertThat(get("/app/db/host").parameter().value()).isEqualTo("db.internal");
    }

    @Test
    void anExistingParameterIsOverwrittenOnlyWhenAsked() {
        kit.put("/app/x", "1");

        assertAwsError(() -> kit.put("/app/x", "2"), "ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        assertThat(kit.overwrite("/app/x", "2").version()).isEqualTo(2);
        assertThat(get("/app/x").parameter().value()).isEqualTo("2");
    }

    @Test
    void nameAndSlashNameAreOneParameter() {
        kit.put("param", "1");

        assertAwsError(() -> kit.put("/param", "2"), "ParameterAlreadyExists");
        assertThat(get("/param").parameter().name()).isEqualTo("/param");
        assertThat(get("param").parameter().name()).isEqualTo("param");
        assertThat(get("param").parameter().arn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/param");
    }

    @Test
    void aTypeIsRequiredToCreateAndCannotChangeLater() {
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/t").value("v").build()), "ValidationException",
                "A parameter type is required when you create a parameter.");
        kit.put("/t", "v");
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/t").value("v").type(ParameterType.SECURE_STRING)
                .overwrite(true).build()), "HierarchyTypeMismatchException");
    }

    @Test
    void anUnknownTypeIsRefusedWithTheModelsEnumMessage() {
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/t").value("v").type("Strin").build()),
                "ValidationException", "1 validation error detected: Value 'Strin' at 'type' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [SecureString, StringList, String]");
    }

    @Test
    void anEmptyValueIsRefusedWithoutQuotingIt() {
        // Value is a sensitive member of the model: AWS's front end never quotes those.
        assertAwsError(() -> kit.put("/t", ""), "ValidationException", "1 validation error detected: Value at 'value' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void overwritingKeepsWhatTheRequestLeavesOut() {
        kit.put(PutParameterRequest.builder().name("/k").value("1").type(ParameterType.STRING).description("the k")
                .allowedPattern("\\d+").build());
        kit.overwrite("/k", "2");

        ParameterMetadata metadata = describe("/k");
        assertThat(metadata.description()).isEqualTo("the k");
        assertThat(metadata.allowedPattern()).isEqualTo("\\d+");
        assertThat(metadata.typeAsString()).isEqualTo("String");
        assertThat(metadata.version()).isEqualTo(2);
        assertThat(metadata.lastModifiedUser()).isEqualTo("arn:aws:iam::111122223333:root");
    }

    @Test
    void theAllowedPatternMustMatchTheWholeValueIncludingOnOverwrite() {
        kit.put(PutParameterRequest.builder().name("/MaxConnections").value("100").type(ParameterType.STRING)
                .allowedPattern("\\d{1,4}").build());

        // AWS's documented example: the inherited pattern refuses the new value.
        assertAwsError(() -> kit.overwrite("/MaxConnections", "10,000"), "ParameterPatternMismatchException",
                "Parameter value, cannot be validated against allowedPattern: \\d{1,4}");
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/p").value("x").type(ParameterType.STRING)
                .allowedPattern("([a-z]").build()), "InvalidAllowedPatternException");
    }

    @Test
    void regressionACatastrophicAllowedPatternCannotHoldTheRequest() {
        // Without a budget Java's matcher backtracks through this for hours.
        String value = "a".repeat(30);
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/redos").value(value).type(ParameterType.STRING)
                .allowedPattern("(.*a){20}b").build()), "InvalidAllowedPatternException");
    }

    @Test
    void tagsGoWithCreationAndNeverWithOverwrite() {
        kit.put(PutParameterRequest.builder().name("/tagged").value("v").type(ParameterType.STRING)
                .tags(Tag.builder().key("team").value("core").build()).build());
        assertThat(kit.lastAuthorization("ssm:AddTagsToResource").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/tagged");

        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/tagged").value("v").overwrite(true)
                .tags(Tag.builder().key("team").value("x").build()).build()), "ValidationException",
                "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove "
                        + "overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or "
                        + "RemoveTagsFromResource.");
    }

    @Test
    void imageIdsAreCheckedForTheirFormatAndOnlyOnStrings() {
        kit.put(PutParameterRequest.builder().name("/ami").value("ami-0123456789abcdef0").type(ParameterType.STRING)
                .dataType("aws:ec2:image").build());
        assertThat(describe("/ami").dataType()).isEqualTo("aws:ec2:image");

        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/ami2").value("not-an-ami").type(ParameterType.STRING)
                .dataType("aws:ec2:image").build()), "ValidationException");
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/ami3").value("ami-01234567").type(ParameterType.STRING_LIST)
                .dataType("aws:ec2:image").build()), "ValidationException");
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/d").value("v").type(ParameterType.STRING)
                .dataType("Text").build()), "ValidationException",
                "The following data type is not supported: Text (Data type names are all lowercase.)");
    }

    @Test
    void aKeyIdOnlyGoesWithSecureString() {
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/s").value("v").type(ParameterType.STRING)
                .keyId("alias/aws/ssm").build()), "ValidationException");
    }

    @Test
    void standardValuesHoldFourKilobytesAndAdvancedEight() {
        String fourKb = "x".repeat(4096);
        assertThat(kit.put("/four", fourKb).tier()).isEqualTo(ParameterTier.STANDARD);
        assertAwsError(() -> kit.put("/more", fourKb + "x"), "ValidationException",
                "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter "
                        + "value, upgrade the parameter to use the advanced-parameter tier. For more information, see "
                        + "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
        PutParameterRequest.Builder advanced = PutParameterRequest.builder().type(ParameterType.STRING).tier(ParameterTier.ADVANCED);
        assertThat(kit.put(advanced.name("/eight").value("x".repeat(8192)).build()).tier()).isEqualTo(ParameterTier.ADVANCED);
        assertAwsError(() -> kit.put(advanced.name("/nine").value("x".repeat(8193)).build()), "ValidationException");
    }

    @Test
    void intelligentTieringChoosesStandardUnlessTheVersionNeedsAdvanced() {
        PutParameterRequest.Builder intelligent = PutParameterRequest.builder().type(ParameterType.STRING)
                .tier(ParameterTier.INTELLIGENT_TIERING);

        assertThat(kit.put(intelligent.name("/small").value("v").build()).tier()).isEqualTo(ParameterTier.STANDARD);
        assertThat(kit.put(intelligent.name("/large").value("x".repeat(5000)).build()).tier()).isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void theDefaultTierSettingAppliesWhenTheRequestNamesNone() {
        kit.call(kit.caller(), "UpdateServiceSetting", UpdateServiceSettingRequest.builder()
                .settingId("/ssm/parameter-store/default-parameter-tier").settingValue("Advanced").build());

        assertThat(kit.put("/default", "v").tier()).isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void anAdvancedParameterNeverGoesBackToStandard() {
        kit.put(PutParameterRequest.builder().name("/adv").value("v").type(ParameterType.STRING).tier(ParameterTier.ADVANCED).build());

        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/adv").value("w").overwrite(true)
                .tier(ParameterTier.STANDARD).build()), "ValidationException");
        // Without a tier the default (Standard) applies, and leaves the parameter Advanced.
        assertThat(kit.overwrite("/adv", "w").tier()).isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void aStandardParameterCanBecomeAdvanced() {
        kit.put("/up", "v");
        assertThat(kit.put(PutParameterRequest.builder().name("/up").value("w").overwrite(true).tier(ParameterTier.ADVANCED)
                .build()).tier()).isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void theStandardQuotaRefusesNewStandardParametersAndIntelligentTieringGoesAdvanced() {
        SsmTestKit small = new SsmTestKit(new ParameterQuotas(2, 1));
        small.put("/a", "v");
        small.put("/b", "v");

        assertAwsError(() -> small.put("/c", "v"), "ParameterLimitExceeded",
                "You have exceeded the number of parameters for this Amazon Web Services account. Delete one or more "
                        + "parameters and try again.");
        assertThat(small.overwrite("/a", "w").version()).isEqualTo(2);
        assertThat(small.put(PutParameterRequest.builder().name("/c").value("v").type(ParameterType.STRING)
                .tier(ParameterTier.INTELLIGENT_TIERING).build()).tier()).isEqualTo(ParameterTier.ADVANCED);
        assertAwsError(() -> small.put(PutParameterRequest.builder().name("/d").value("v").type(ParameterType.STRING)
                .tier(ParameterTier.ADVANCED).build()), "ParameterLimitExceeded");
    }

    @Test
    void theHundredMostRecentVersionsAreKept() {
        kit.put("/v", "0");
        for (int i = 1; i < 105; i++) {
            kit.overwrite("/v", Integer.toString(i));
        }

        GetParameterHistoryResponse history = kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/v").maxResults(50).build());
        assertThat(history.parameters().getFirst().version()).isEqualTo(6);
        assertAwsError(() -> get("/v:5"), "ParameterVersionNotFound",
                "Systems Manager could not find version 5 of /v. Verify the version and try again.");
        assertThat(get("/v:6").parameter().value()).isEqualTo("5");
    }

    @Test
    void aLabelOnTheOldestKeptVersionStopsNewVersions() {
        kit.put("/lv", "0");
        kit.call(kit.caller(), "LabelParameterVersion", LabelParameterVersionRequest.builder().name("/lv").parameterVersion(1L)
                .labels("keep").build());
        for (int i = 1; i < 100; i++) {
            kit.overwrite("/lv", Integer.toString(i));
        }

        assertAwsError(() -> kit.overwrite("/lv", "100"), "ParameterMaxVersionLimitExceeded",
                "You attempted to create a new version of /lv by calling the PutParameter API with the overwrite flag. Version 1, "
                        + "the oldest version, can't be deleted because it has a label associated with it. Move the label to "
                        + "another version of the parameter, and try again.");
        kit.call(kit.caller(), "LabelParameterVersion", LabelParameterVersionRequest.builder().name("/lv").parameterVersion(2L)
                .labels("keep").build());
        assertThat(kit.overwrite("/lv", "100").version()).isEqualTo(101);
    }

    @Test
    void aDeniedCallerWritesNothing() {
        kit.deny("ssm:PutParameter");

        assertAwsError(() -> kit.put("/denied", "v"), "AccessDeniedException");
        kit.authorizations.clear();
        assertAwsError(() -> get("/denied"), "ParameterNotFound", null);
    }

    @Test
    void constraintsAreReportedTogether() {
        assertAwsError(() -> kit.put(PutParameterRequest.builder().name("/c").value("v").type(ParameterType.STRING)
                .description("d".repeat(1025)).keyId("bad key").build()), "ValidationException",
                "2 validation errors detected: Value '" + "d".repeat(1025) + "' at 'description' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 1024; Value 'bad key' at 'keyId' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ^([a-zA-Z0-9:/_-]+)$");
    }
}
