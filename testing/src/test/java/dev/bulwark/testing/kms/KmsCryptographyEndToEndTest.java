package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static dev.bulwark.testing.kms.KmsErrors.assertKmsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** Encryption through the real AWS SDK for Java v2, with AWS's recorded errors and JDK interoperability. */
class KmsCryptographyEndToEndTest {
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("test message 123 !%$@ 1234567890");

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

    private static KeyMetadata symmetricKey() {
        return kms.createKey(request -> request.description("crypto test")).keyMetadata();
    }

    @Test
    void encryptDecryptRoundTripWithAndWithoutContext() {
        KeyMetadata key = symmetricKey();
        Map<String, String> context = Map.of("context-key", "context-value");

        EncryptResponse plain = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE));
        EncryptResponse bound = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE).encryptionContext(context));

        assertThat(kms.decrypt(request -> request.ciphertextBlob(plain.ciphertextBlob())).plaintext()).isEqualTo(MESSAGE);
        DecryptResponse decrypted = kms.decrypt(request -> request.keyId(key.keyId()).ciphertextBlob(bound.ciphertextBlob())
                .encryptionContext(context).encryptionAlgorithm("SYMMETRIC_DEFAULT"));
        assertThat(decrypted.plaintext()).isEqualTo(MESSAGE);
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(decrypted.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertThat(decrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        // Recorded: decrypt_response_without_encryption_context
        assertKmsError(() -> kms.decrypt(request -> request.keyId(key.keyId()).ciphertextBlob(bound.ciphertextBlob())),
                "InvalidCiphertextException", null);
        assertKmsError(() -> kms.decrypt(request -> request.ciphertextBlob(bound.ciphertextBlob())
                .encryptionContext(Map.of("context-key", "other-value"))), "InvalidCiphertextException", null);
    }

    @Test
    void invalidCiphertextsAreRefusedWithoutAMessage() {
        KeyMetadata key = symmetricKey();
        byte[] ciphertext = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE)).ciphertextBlob().asByteArray();
        byte[] appended = Arrays.copyOf(ciphertext, ciphertext.length + 8);

        assertKmsError(() -> kms.decrypt(request -> request.keyId(key.keyId()).ciphertextBlob(SdkBytes.fromByteArray(appended))),
                "InvalidCiphertextException", null);
        assertKmsError(() -> kms.decrypt(request -> request.ciphertextBlob(SdkBytes.fromUtf8String("garbage"))),
                "InvalidCiphertextException", null);
    }

    @Test
    void aDisabledKeyIsRefusedWithAwsRecordedMessage() {
        KeyMetadata key = symmetricKey();
        kms.disableKey(request -> request.keyId(key.keyId()));

        assertKmsError(() -> kms.generateDataKey(request -> request.keyId(key.keyId()).keySpec("AES_256")), "DisabledException",
                key.arn() + " is disabled.");
        assertKmsError(() -> kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE)), "DisabledException",
                key.arn() + " is disabled.");
    }

    @Test
    void aKeyPendingDeletionIsAnInvalidState() {
        KeyMetadata key = symmetricKey();
        kms.scheduleKeyDeletion(request -> request.keyId(key.keyId()).pendingWindowInDays(7));

        assertKmsError(() -> kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE)), "KMSInvalidStateException",
                key.arn() + " is pending deletion.");
    }

    @Test
    void oversizePlaintextIsAValidationErrorWithAwsRecordedMessage() {
        KeyMetadata key = symmetricKey();
        byte[] message = "test message 123 !%$@ 1234567890".repeat(100).getBytes(StandardCharsets.UTF_8);
        SdkBytes base64 = SdkBytes.fromByteArray(Base64.getEncoder().encode(message));

        assertKmsError(() -> kms.encrypt(request -> request.keyId(key.keyId()).plaintext(base64)), "ValidationException",
                "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
    }

    @Test
    void rsaPlaintextLimitsAreAwsRecordedOnes() {
        KeyMetadata key = kms.createKey(request -> request.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata();
        SdkBytes tooLong = SdkBytes.fromByteArray(Base64.getEncoder()
                .encode("more than 500 bytes and less than 4096 bytes".repeat(20).getBytes(StandardCharsets.UTF_8)));

        assertKmsError(() -> kms.encrypt(request -> request.keyId(key.keyId()).plaintext(tooLong).encryptionAlgorithm("RSAES_OAEP_SHA_1")),
                "ValidationException", "Algorithm RSAES_OAEP_SHA_1 and key spec RSA_2048 cannot encrypt data larger than 214 bytes.");
    }

    @Test
    void wrongKeysAreAwsRecordedErrors() {
        KeyMetadata encryption = symmetricKey();
        KeyMetadata hmac = kms.createKey(request -> request.keySpec("HMAC_224").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata();
        KeyMetadata signing = kms.createKey(request -> request.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata();
        SdkBytes ciphertext = kms.encrypt(request -> request.keyId(encryption.keyId()).plaintext(MESSAGE)).ciphertextBlob();

        assertKmsError(() -> kms.encrypt(request -> request.keyId(signing.keyId()).plaintext(MESSAGE)), "InvalidKeyUsageException",
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for Encrypt.");
        assertKmsError(() -> kms.decrypt(request -> request.keyId(hmac.keyId()).ciphertextBlob(ciphertext)), "IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");
        assertKmsError(() -> kms.reEncrypt(request -> request.sourceKeyId(hmac.keyId()).destinationKeyId(hmac.keyId())
                        .ciphertextBlob(ciphertext).sourceEncryptionAlgorithm("SYMMETRIC_DEFAULT").destinationEncryptionAlgorithm("SYMMETRIC_DEFAULT")),
                "IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    @Test
    void rsaOaepInteroperatesWithTheJdk() throws Exception {
        KeyMetadata key = kms.createKey(request -> request.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata();
        GetPublicKeyResponse publicKeyResponse = kms.getPublicKey(request -> request.keyId(key.keyId()));
        assertThat(publicKeyResponse.keyId()).isEqualTo(key.arn());
        assertThat(publicKeyResponse.keySpecAsString()).isEqualTo("RSA_2048");
        assertThat(publicKeyResponse.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyResponse.publicKey().asByteArray()));

        for (var scheme : Map.of("RSAES_OAEP_SHA_1", new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT),
                "RSAES_OAEP_SHA_256", new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)).entrySet()) {
            Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jdk.init(Cipher.ENCRYPT_MODE, publicKey, scheme.getValue());
            SdkBytes byJdk = SdkBytes.fromByteArray(jdk.doFinal(MESSAGE.asByteArray()));

            DecryptResponse decrypted = kms.decrypt(request -> request.keyId(key.keyId()).ciphertextBlob(byJdk).encryptionAlgorithm(scheme.getKey()));
            assertThat(decrypted.plaintext()).as(scheme.getKey()).isEqualTo(MESSAGE);

            SdkBytes byKms = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE).encryptionAlgorithm(scheme.getKey())).ciphertextBlob();
            assertThat(byKms.asByteArray()).hasSize(256);
            assertThat(kms.decrypt(request -> request.keyId(key.arn()).ciphertextBlob(byKms).encryptionAlgorithm(scheme.getKey())).plaintext())
                    .isEqualTo(MESSAGE);
        }
    }

    @Test
    void generateDataKeyDecryptsToItsPlaintext() {
        KeyMetadata key = symmetricKey();

        GenerateDataKeyResponse dataKey = kms.generateDataKey(request -> request.keyId(key.keyId()).keySpec("AES_256")
                .encryptionContext(Map.of("file", "x")));

        assertThat(dataKey.plaintext().asByteArray()).hasSize(32);
        assertThat(dataKey.keyId()).isEqualTo(key.arn());
        assertThat(kms.decrypt(request -> request.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(Map.of("file", "x"))).plaintext())
                .isEqualTo(dataKey.plaintext());
        assertThat(kms.generateDataKeyWithoutPlaintext(request -> request.keyId(key.keyId()).numberOfBytes(64)).ciphertextBlob()).isNotNull();
    }

    @Test
    void generateRandomAndDryRun() {
        assertThat(kms.generateRandom(request -> request.numberOfBytes(1024)).plaintext().asByteArray()).hasSize(1024);
        KeyMetadata key = symmetricKey();
        assertKmsError(() -> kms.encrypt(request -> request.keyId(key.keyId()).plaintext(MESSAGE).dryRun(true)),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertKmsErrorCode(() -> kms.generateRandom(request -> request.numberOfBytes(1025)), "ValidationException");
    }

    @Test
    void auditRecordsNameTheKeyAndNeverThePlaintext() {
        KeyMetadata key = symmetricKey();
        SdkBytes secret = SdkBytes.fromUtf8String("the-launch-code-4711");

        kms.encrypt(request -> request.keyId(key.keyId()).plaintext(secret));

        CallRecord encrypt = server.auditRecords().stream().filter(record -> record.eventName().equals("Encrypt")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(encrypt.resources()).containsExactly(key.arn());
        assertThat(encrypt.readOnly()).isTrue();
        assertThat(encrypt.toString()).doesNotContain(secret.asUtf8String())
                .doesNotContain(Base64.getEncoder().encodeToString(secret.asByteArray()));
        assertThat(List.of(encrypt.requestParameters().orElseThrow().toString())).noneMatch(text -> text.contains("launch-code"));
    }
}
