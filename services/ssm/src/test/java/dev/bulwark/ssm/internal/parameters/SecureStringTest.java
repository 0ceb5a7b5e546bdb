package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.internal.SsmSchema;
import dev.bulwark.ssm.testing.FakeKms;
import dev.bulwark.ssm.testing.SsmTestKit;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

class SecureStringTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final SsmTestKit kit = new SsmTestKit();

    private Parameter get(String name, boolean decrypt) {
        return kit.<GetParameterResponse>call(kit.caller(), "GetParameter",
                GetParameterRequest.builder().name(name).withDecryption(decrypt).build()).parameter();
    }

    private void putSecure(String name, String value, String keyId) {
        kit.put(PutParameterRequest.builder().name(name).value(value).type(ParameterType.SECURE_STRING).keyId(keyId).build());
    }

    @Test
    void aSecureStringIsEncryptedUnderTheAwsManagedKeyWithTheParameterArnAsContext() {
        putSecure("/db/password", PASSWORD, null);

        FakeKms.Call encrypt = kit.kms.calls("Encrypt").getFirst();
        assertThat(encrypt.viaService()).isEqualTo("ssm");
        assertThat(encrypt.callerArn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(encrypt.context()).isEqualTo(Map.of("PARAMETER_ARN", SsmTestKit.ARN_PREFIX + "/db/password"));
        assertThat(get("/db/password", true).value()).isEqualTo(PASSWORD);
        assertThat(kit.kms.calls("Decrypt").getFirst().context()).isEqualTo(encrypt.context());
    }

    @Test
    void withoutDecryptionTheValueIsTheCiphertextAndKmsIsNotCalled() {
        putSecure("/db/password", PASSWORD, null);
        kit.kms.calls.clear();

        String shown = get("/db/password", false).value();
        assertThat(shown).isNotEqualTo(PASSWORD);
        assertThat(new String(Base64.getDecoder().decode(shown), StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        assertThat(kit.kms.calls).isEmpty();
    }

    @Test
    void theKeyIdIsRecordedAsTheUserNamedIt() {
        String keyId = kit.kms.createKey();
        kit.kms.createAlias("alias/app", keyId);
        putSecure("/k1", PASSWORD, "alias/app");
        putSecure("/k2", PASSWORD, null);

        DescribeParametersResponse described = kit.call(kit.caller(), "DescribeParameters", DescribeParametersRequest.builder().build());
        assertThat(described.parameters()).extracting(p -> p.keyId()).containsExactly("alias/app", "alias/aws/ssm");
        assertThat(kit.kms.calls("Encrypt").getFirst().keyArn()).isEqualTo(kit.kms.keyArn(keyId));
    }

    @Test
    void overwritingKeepsTheKeyUnlessTheRequestNamesAnother() {
        String keyId = kit.kms.createKey();
        putSecure("/k", PASSWORD, keyId);
        kit.put(PutParameterRequest.builder().name("/k").value("second").overwrite(true).build());

        assertThat(kit.kms.calls("Encrypt").getLast().keyArn()).isEqualTo(kit.kms.keyArn(keyId));
        assertThat(get("/k", true).value()).isEqualTo("second");
        assertThat(get("/k:1", true).value()).isEqualTo(PASSWORD);
    }

    @Test
    void anUnknownKeyIsInvalidKeyId() {
        assertAwsError(() -> putSecure("/k", PASSWORD, "alias/none"), "InvalidKeyId",
                "Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.");
    }

    @Test
    void aCallerKmsRefusesCannotReadTheValueButCanReadTheCiphertext() {
        putSecure("/db/password", PASSWORD, null);
        kit.kms.denyDecrypt(SsmTestKit.ALICE);

        assertAwsError(() -> kit.call(kit.alice(), "GetParameter",
                GetParameterRequest.builder().name("/db/password").withDecryption(true).build()), "AccessDeniedException");
        GetParameterResponse ciphertext = kit.call(kit.alice(), "GetParameter",
                GetParameterRequest.builder().name("/db/password").build());
        assertThat(ciphertext.parameter().value()).isNotEqualTo(PASSWORD);
    }

    @Test
    void advancedValuesBeyondWhatKmsEncryptsAreEnvelopeEncrypted() {
        String large = "s".repeat(6000);
        kit.put(PutParameterRequest.builder().name("/large").value(large).type(ParameterType.SECURE_STRING)
                .tier(ParameterTier.ADVANCED).build());

        assertThat(kit.kms.calls("GenerateDataKey")).hasSize(1);
        assertThat(kit.kms.calls("GenerateDataKey").getFirst().context())
                .isEqualTo(Map.of("PARAMETER_ARN", SsmTestKit.ARN_PREFIX + "/large"));
        assertThat(get("/large", true).value()).isEqualTo(large);
    }

    @Test
    void historyDecryptsOnlyWhenAsked() {
        putSecure("/h", "first", null);
        kit.put(PutParameterRequest.builder().name("/h").value("second").overwrite(true).build());

        GetParameterHistoryResponse decrypted = kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/h").withDecryption(true).build());
        assertThat(decrypted.parameters()).extracting(p -> p.value()).containsExactly("first", "second");
        assertThat(decrypted.parameters()).extracting(p -> p.keyId()).containsOnly("alias/aws/ssm");
        GetParameterHistoryResponse encrypted = kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/h").build());
        assertThat(encrypted.parameters()).extracting(p -> p.value()).doesNotContain("first", "second");
    }

    @Test
    void theStoreHoldsNoValueInPlaintext() {
        putSecure("/db/password", PASSWORD, null);
        kit.put("/plain", "visible-only-through-the-seal");

        StringBuilder stored = new StringBuilder();
        for (String namespace : new String[] {SsmSchema.PARAMETERS, SsmSchema.VERSIONS}) {
            kit.backend.read(reader -> reader.list(namespace, "111122223333/us-east-1", "", "", 1000)).forEach(row -> stored
                    .append(new String(row.document(), StandardCharsets.ISO_8859_1))
                    .append(new String(row.sealed(), StandardCharsets.ISO_8859_1)));
        }
        assertThat(stored).contains("/db/password").doesNotContain(PASSWORD).doesNotContain("visible-only-through-the-seal");
    }
}
