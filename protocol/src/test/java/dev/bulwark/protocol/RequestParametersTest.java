package dev.bulwark.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.protocol.shape.SensitiveMembers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

class RequestParametersTest {

    @Test
    void sensitiveMembersAreThoseAwsMarksSensitive() {
        EncryptRequest encrypt = EncryptRequest.builder().build();
        Credentials credentials = Credentials.builder().build();

        assertThat(SensitiveMembers.isSensitive(encrypt, encrypt.sdkFieldNameToField().get("Plaintext"))).isTrue();
        assertThat(SensitiveMembers.isSensitive(encrypt, encrypt.sdkFieldNameToField().get("KeyId"))).isFalse();
        assertThat(SensitiveMembers.isSensitive(credentials,
                credentials.sdkFieldNameToField().get("SecretAccessKey"))).isTrue();
        assertThat(SensitiveMembers.isSensitive(credentials,
                credentials.sdkFieldNameToField().get("AccessKeyId"))).isFalse();
    }

    @Test
    void auditParametersLeaveOutPlaintextAndUseCloudTrailNames() {
        var parameters = RequestParameters.of(EncryptRequest.builder()
                .keyId("alias/app")
                .plaintext(SdkBytes.fromUtf8String("top secret"))
                .encryptionContext(Map.of("Purpose", "test"))
                .build());

        assertThat(parameters.toString())
                .isEqualTo("{\"keyId\":\"alias/app\",\"encryptionContext\":{\"Purpose\":\"test\"}}");
    }

    @Test
    void auditParametersLeaveOutSecretValuesOfEveryService() {
        var parameter = RequestParameters.of(PutParameterRequest.builder()
                .name("/db/password").value("hunter2").overwrite(true).build());
        var secret = RequestParameters.of(CreateSecretRequest.builder()
                .name("db").secretString("hunter2").secretBinary(SdkBytes.fromUtf8String("hunter2")).build());
        var assumed = RequestParameters.of(AssumeRoleResponse.builder().credentials(Credentials.builder()
                .accessKeyId("ASIAEXAMPLE").secretAccessKey("hunter2").sessionToken("token").build()).build());

        assertThat(parameter.toString()).isEqualTo("{\"name\":\"/db/password\",\"overwrite\":true}");
        assertThat(secret.toString()).isEqualTo("{\"name\":\"db\"}");
        assertThat(assumed.toString()).doesNotContain("hunter2").contains("\"accessKeyId\":\"ASIAEXAMPLE\"");
    }

    @Test
    void idempotencyTokensTheClientDidNotSendAreNotInvented() {
        var withoutToken = RequestParameters.of(CreateSecretRequest.builder().name("db").build());
        var withToken = RequestParameters.of(CreateSecretRequest.builder().name("db").clientRequestToken("t-1").build());

        assertThat(withoutToken.toString()).isEqualTo("{\"name\":\"db\"}");
        assertThat(withToken.toString()).isEqualTo("{\"name\":\"db\",\"clientRequestToken\":\"t-1\"}");
    }

    @Test
    void nestedMembersAreRenamedToo() {
        var parameters = RequestParameters.of(CreateKeyRequest.builder()
                .tags(Tag.builder().tagKey("team").tagValue("a").build()).build());

        assertThat(parameters.toString()).isEqualTo("{\"tags\":[{\"tagKey\":\"team\",\"tagValue\":\"a\"}]}");
    }

    @Test
    void callersMayChooseTheirOwnFilter() {
        var everything = RequestParameters.of(EncryptRequest.builder().keyId("k")
                .plaintext(SdkBytes.fromUtf8String("x")).build(), (owner, member) -> true);

        assertThat(everything.toString()).isEqualTo("{\"keyId\":\"k\",\"plaintext\":\"eA==\"}");
    }

    @Test
    void lowerCamelLowersLeadingAcronyms() {
        var fields = software.amazon.awssdk.services.kms.model.KeyMetadata.builder().build().sdkFieldNameToField();

        assertThat(RequestParameters.lowerCamel(fields.get("KeyId"))).isEqualTo("keyId");
        assertThat(RequestParameters.lowerCamel(fields.get("AWSAccountId"))).isEqualTo("awsAccountId");
        assertThat(RequestParameters.lowerCamel(fields.get("Arn"))).isEqualTo("arn");
    }
}
