package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;

class MacsTest {
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("some important message");

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final Macs macs = new Macs(kit.core);

    private KeyMetadata hmacKey(String spec) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec(spec).keyUsage("GENERATE_VERIFY_MAC").build())
                .keyMetadata();
    }

    private GenerateMacResponse generate(String keyId, String algorithm, SdkBytes message) {
        return macs.generateMac(kit.caller(), GenerateMacRequest.builder().keyId(keyId).macAlgorithm(algorithm).message(message).build());
    }

    private VerifyMacResponse verify(String keyId, String algorithm, SdkBytes message, SdkBytes mac) {
        return macs.verifyMac(kit.caller(), VerifyMacRequest.builder().keyId(keyId).macAlgorithm(algorithm).message(message)
                .mac(mac).build());
    }

    /** The key material, read from the store as only a test can, to compute the MAC independently. */
    private byte[] material(KeyMetadata key) {
        KmsScope scope = new KmsScope(KmsTestKit.ACCOUNT, KmsTestKit.REGION);
        return kit.store.read(tx -> kit.core.records().currentMaterial(tx, kit.core.records().findKey(tx, scope, key.keyId()).orElseThrow())
                .secret().toByteArray(InsecureSecretAccess.get()));
    }

    @ParameterizedTest
    @CsvSource({"HMAC_224, HMAC_SHA_224, HmacSHA224", "HMAC_256, HMAC_SHA_256, HmacSHA256",
        "HMAC_384, HMAC_SHA_384, HmacSHA384", "HMAC_512, HMAC_SHA_512, HmacSHA512"})
    void theMacIsTheHmacOfTheMessageUnderTheKeyMaterial(String spec, String algorithm, String jcaName) throws Exception {
        KeyMetadata key = hmacKey(spec);

        GenerateMacResponse generated = generate(key.keyId(), algorithm, MESSAGE);
        VerifyMacResponse verified = verify(key.arn(), algorithm, MESSAGE, generated.mac());

        Mac local = Mac.getInstance(jcaName);
        local.init(new SecretKeySpec(material(key), jcaName));
        assertThat(generated.mac().asByteArray()).isEqualTo(local.doFinal(MESSAGE.asByteArray()));
        assertThat(generated.keyId()).isEqualTo(key.arn());
        assertThat(generated.macAlgorithmAsString()).isEqualTo(algorithm);
        assertThat(verified.macValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key.arn());
        assertThat(verified.macAlgorithmAsString()).isEqualTo(algorithm);
    }

    @Test
    void aMacThatDoesNotVerifyIsKmsInvalidMacException() {
        KeyMetadata key = hmacKey("HMAC_256");
        SdkBytes mac = generate(key.keyId(), "HMAC_SHA_256", MESSAGE).mac();
        byte[] altered = mac.asByteArray();
        altered[0] ^= 1;

        // Recorded: test_invalid_verify_mac[HMAC_256-HMAC_SHA_256-some different important message]
        assertAwsError(() -> verify(key.keyId(), "HMAC_SHA_256", SdkBytes.fromUtf8String("some different important message"), mac),
                "KMSInvalidMacException", null);
        assertAwsError(() -> verify(key.keyId(), "HMAC_SHA_256", MESSAGE, SdkBytes.fromByteArray(altered)),
                "KMSInvalidMacException", null);
        assertAwsError(() -> verify(hmacKey("HMAC_256").keyId(), "HMAC_SHA_256", MESSAGE, mac), "KMSInvalidMacException", null);
    }

    @Test
    void anAlgorithmOfAnotherKeySizeIsRefusedWithAwsMessage() {
        KeyMetadata hmac224 = hmacKey("HMAC_224");
        KeyMetadata hmac256 = hmacKey("HMAC_256");
        SdkBytes mac = generate(hmac256.keyId(), "HMAC_SHA_256", MESSAGE).mac();

        // Recorded: test_invalid_generate_mac[HMAC_224-HMAC_SHA_256], test_invalid_verify_mac[HMAC_256-HMAC_SHA_512-...]
        assertAwsError(() -> generate(hmac224.keyId(), "HMAC_SHA_256", MESSAGE), "InvalidKeyUsageException",
                "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.");
        assertAwsError(() -> verify(hmac256.keyId(), "HMAC_SHA_512", MESSAGE, mac), "InvalidKeyUsageException",
                "Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.");
    }

    @Test
    void anUnknownAlgorithmIsRefusedWithAwsEnumList() {
        KeyMetadata key = hmacKey("HMAC_256");

        // Recorded: test_invalid_generate_mac[HMAC_256-INVALID]
        assertAwsError(() -> generate(key.keyId(), "INVALID", MESSAGE), "ValidationException",
                "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]");
        // Recorded: generate-mac-invalid-key-id
        assertAwsError(() -> generate("key_id", "HMAC_SHA_256", MESSAGE), "NotFoundException", "Invalid keyId 'key_id'");
    }

    @Test
    void aKeyOfAnotherUsageIsRefused() {
        KeyMetadata symmetric = creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();

        assertAwsError(() -> generate(symmetric.keyId(), "HMAC_SHA_256", MESSAGE), "InvalidKeyUsageException",
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.");
        assertAwsError(() -> verify(symmetric.keyId(), "HMAC_SHA_256", MESSAGE, MESSAGE), "InvalidKeyUsageException",
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for VerifyMac.");
    }

    @Test
    void aDisabledKeyMakesNoMac() {
        KeyMetadata key = hmacKey("HMAC_384");
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());

        assertAwsError(() -> generate(key.keyId(), "HMAC_SHA_384", MESSAGE), "DisabledException", key.arn() + " is disabled.");
    }

    @Test
    void dryRunAndTheAuthorizerSeeTheMacAlgorithm() {
        KeyMetadata key = hmacKey("HMAC_512");

        assertAwsError(() -> macs.generateMac(kit.caller(), GenerateMacRequest.builder().keyId(key.keyId())
                        .macAlgorithm("HMAC_SHA_512").message(MESSAGE).dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertThat(kit.lastConditions("kms:GenerateMac")).containsEntry("kms:MacAlgorithm", List.of("HMAC_SHA_512"));
    }

    @Test
    void messagesAreOneTo4096Bytes() {
        KeyMetadata key = hmacKey("HMAC_256");

        assertAwsError(() -> generate(key.keyId(), "HMAC_SHA_256", SdkBytes.fromByteArray(new byte[4097])), "ValidationException",
                "1 validation error detected: Value at 'message' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
        assertThat(generate(key.keyId(), "HMAC_SHA_256", SdkBytes.fromByteArray(new byte[4096])).mac().asByteArray()).hasSize(32);
    }
}
