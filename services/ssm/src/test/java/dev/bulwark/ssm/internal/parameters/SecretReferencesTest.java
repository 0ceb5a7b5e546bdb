package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.testing.SsmTestKit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

class SecretReferencesTest {
    private static final String REFERENCE = "/aws/reference/secretsmanager/db-creds";
    private final SsmTestKit kit = new SsmTestKit();

    private Parameter get(String name, Boolean decrypt) {
        return kit.<GetParameterResponse>call(kit.caller(), "GetParameter",
                GetParameterRequest.builder().name(name).withDecryption(decrypt).build()).parameter();
    }

    @Test
    void aReferenceReadsTheSecretAsAVersionZeroSecureString() {
        kit.putSecret("db-creds", "", "s3cret");

        Parameter parameter = get(REFERENCE, true);
        assertThat(parameter.name()).isEqualTo(REFERENCE);
        assertThat(parameter.typeAsString()).isEqualTo("SecureString");
        assertThat(parameter.value()).isEqualTo("s3cret");
        assertThat(parameter.version()).isZero();
        assertThat(parameter.arn()).isEqualTo("arn:aws:secretsmanager:us-east-1:111122223333:secret:db-creds-AbCdEf");
        assertThat(parameter.sourceResult()).isEqualTo("{\"Name\":\"db-creds\"}");
        assertThat(kit.lastAuthorization("ssm:GetParameter").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + REFERENCE);
    }

    @Test
    void aSelectorNamesAVersionOrAStage() {
        kit.putSecret("db-creds", "AWSPREVIOUS", "old");

        Parameter parameter = get(REFERENCE + ":AWSPREVIOUS", true);
        assertThat(parameter.value()).isEqualTo("old");
        assertThat(parameter.selector()).isEqualTo(":AWSPREVIOUS");
    }

    @Test
    void decryptionIsRequiredAsAwsRequiresIt() {
        assertAwsError(() -> get(REFERENCE, null), "ValidationException",
                "WithDecryption flag must be True for retrieving a Secret Manager secret.");
        assertAwsError(() -> get(REFERENCE, false), "ValidationException",
                "WithDecryption flag must be True for retrieving a Secret Manager secret.");
    }

    @Test
    void aMissingSecretIsParameterNotFoundInAwsWords() {
        assertAwsError(() -> get("/aws/reference/secretsmanager/inexistent", true), "ParameterNotFound",
                "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret "
                        + "/aws/reference/secretsmanager/inexistent not found.");
    }

    @Test
    void getParametersMixesSecretsAndParameters() {
        kit.putSecret("db-creds", "", "s3cret");
        kit.put("param", "123");

        GetParametersResponse response = kit.call(kit.caller(), "GetParameters", GetParametersRequest.builder()
                .names("param", REFERENCE, "inexistent_param", "/aws/reference/secretsmanager/inexistent_secret")
                .withDecryption(true).build());
        assertThat(response.parameters()).extracting(Parameter::name).containsExactly(REFERENCE, "param");
        assertThat(response.invalidParameters())
                .containsExactly("/aws/reference/secretsmanager/inexistent_secret", "inexistent_param");
    }
}
