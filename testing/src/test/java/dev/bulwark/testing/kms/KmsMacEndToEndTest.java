package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** GenerateMac and VerifyMac through the real SDK client, with AWS's recorded answers. */
class KmsMacEndToEndTest {
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("some important message");

    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    private static KeyMetadata hmacKey(String spec) {
        return kms.createKey(request -> request.keySpec(spec).keyUsage("GENERATE_VERIFY_MAC")).keyMetadata();
    }

    // Recorded: test_generate_and_verify_mac[HMAC_*]
    @ParameterizedTest
    @CsvSource({"HMAC_224, HMAC_SHA_224, 28", "HMAC_256, HMAC_SHA_256, 32", "HMAC_384, HMAC_SHA_384, 48", "HMAC_512, HMAC_SHA_512, 64"})
    void verifyMacAcceptsTheMacGenerateMacMadeAndRejectsAChangedOne(String spec, String algorithm, int length) {
        KeyMetadata key = hmacKey(spec);

        GenerateMacResponse generated = kms.generateMac(request -> request.keyId(key.keyId()).macAlgorithm(algorithm).message(MESSAGE));

        assertThat(key.macAlgorithmsAsStrings()).containsExactly(algorithm);
        assertThat(generated.keyId()).isEqualTo(key.arn());
        assertThat(generated.mac().asByteArray()).hasSize(length);
        assertThat(kms.verifyMac(request -> request.keyId(key.keyId()).macAlgorithm(algorithm).message(MESSAGE).mac(generated.mac()))
                .macValid()).isTrue();
        byte[] changed = generated.mac().asByteArray();
        changed[length - 1] ^= 1;
        assertKmsError(() -> kms.verifyMac(request -> request.keyId(key.keyId()).macAlgorithm(algorithm).message(MESSAGE)
                .mac(SdkBytes.fromByteArray(changed))), "KMSInvalidMacException", null);
        assertKmsError(() -> kms.verifyMac(request -> request.keyId(key.keyId()).macAlgorithm(algorithm)
                .message(SdkBytes.fromUtf8String("some different important message")).mac(generated.mac())), "KMSInvalidMacException", null);
    }

    @Test
    void theMacDependsOnTheKey() {
        KeyMetadata one = hmacKey("HMAC_256");
        KeyMetadata other = hmacKey("HMAC_256");

        SdkBytes mac = kms.generateMac(request -> request.keyId(one.keyId()).macAlgorithm("HMAC_SHA_256").message(MESSAGE)).mac();

        assertThat(kms.generateMac(request -> request.keyId(one.arn()).macAlgorithm("HMAC_SHA_256").message(MESSAGE)).mac())
                .as("deterministic").isEqualTo(mac);
        assertKmsError(() -> kms.verifyMac(request -> request.keyId(other.keyId()).macAlgorithm("HMAC_SHA_256").message(MESSAGE)
                .mac(mac)), "KMSInvalidMacException", null);
    }

    @Test
    void wrongAlgorithmsAndKeysAreRefusedAsAwsAnswers() {
        KeyMetadata key = hmacKey("HMAC_224");
        KeyMetadata symmetric = kms.createKey(request -> request.description("not for MACs")).keyMetadata();

        // Recorded: test_invalid_generate_mac[HMAC_224-HMAC_SHA_256], [HMAC_256-INVALID], generate-mac-invalid-key-id
        assertKmsError(() -> kms.generateMac(request -> request.keyId(key.keyId()).macAlgorithm("HMAC_SHA_256").message(MESSAGE)),
                "InvalidKeyUsageException", "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.");
        assertKmsError(() -> kms.generateMac(request -> request.keyId(key.keyId()).macAlgorithm("INVALID").message(MESSAGE)),
                "ValidationException", "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]");
        assertKmsError(() -> kms.generateMac(request -> request.keyId("key_id").macAlgorithm("HMAC_SHA_224").message(MESSAGE)),
                "NotFoundException", "Invalid keyId 'key_id'");
        assertKmsError(() -> kms.generateMac(request -> request.keyId(symmetric.keyId()).macAlgorithm("HMAC_SHA_256").message(MESSAGE)),
                "InvalidKeyUsageException", symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.");
        assertKmsError(() -> kms.generateMac(request -> request.keyId(key.keyId()).macAlgorithm("HMAC_SHA_224").message(MESSAGE)
                .dryRun(true)), "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
    }
}
