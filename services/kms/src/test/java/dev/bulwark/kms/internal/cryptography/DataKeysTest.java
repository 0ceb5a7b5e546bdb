package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class DataKeysTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final DataKeys dataKeys = new DataKeys(kit.core);

    private KeyMetadata symmetricKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    @Test
    void aDataKeyHasTheRequestedLengthAndDecryptsToItsPlaintext() {
        KeyMetadata key = symmetricKey();
        for (var request : List.of(GenerateDataKeyRequest.builder().keySpec("AES_256"),
                GenerateDataKeyRequest.builder().keySpec("AES_128"), GenerateDataKeyRequest.builder().numberOfBytes(7))) {
            GenerateDataKeyResponse dataKey = dataKeys.generateDataKey(kit.caller(),
                    request.keyId(key.keyId()).encryptionContext(Map.of("file", "a.txt")).build());

            assertThat(dataKey.keyId()).isEqualTo(key.arn());
            assertThat(dataKey.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
            assertThat(cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(dataKey.ciphertextBlob())
                    .encryptionContext(Map.of("file", "a.txt")).build()).plaintext()).isEqualTo(dataKey.plaintext());
        }
        assertThat(dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(key.keyId()).keySpec("AES_128").build())
                .plaintext().asByteArray()).hasSize(16);
        assertThat(dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(key.keyId()).numberOfBytes(1024).build())
                .plaintext().asByteArray()).hasSize(1024);
    }

    @Test
    void exactlyOneOfKeySpecAndNumberOfBytes() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(key.keyId()).build()),
                "ValidationException", "Please specify either number of bytes or key spec.");
        assertAwsError(() -> dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(key.keyId())
                .keySpec("AES_256").numberOfBytes(32).build()), "ValidationException", "Please specify either number of bytes or key spec.");
        assertAwsError(() -> dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(key.keyId())
                .numberOfBytes(1025).build()), "ValidationException",
                "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
        assertAwsError(() -> dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(key.keyId())
                .keySpec("AES_512").build()), "ValidationException",
                "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]");
    }

    @Test
    void withoutPlaintextOnlyTheCiphertextIsReturned() {
        KeyMetadata key = symmetricKey();

        var response = dataKeys.generateDataKeyWithoutPlaintext(kit.caller(),
                GenerateDataKeyWithoutPlaintextRequest.builder().keyId(key.keyId()).keySpec("AES_256").build());

        assertThat(cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(response.ciphertextBlob()).build())
                .plaintext().asByteArray()).hasSize(32);
        assertThat(kit.lastAuthorization("kms:GenerateDataKeyWithoutPlaintext").resourceArn()).isEqualTo(key.arn());
    }

    @Test
    void dataKeysNeedASymmetricEncryptionKey() {
        KeyMetadata rsa = creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT").build())
                .keyMetadata();

        assertAwsError(() -> dataKeys.generateDataKey(kit.caller(), GenerateDataKeyRequest.builder().keyId(rsa.keyId()).keySpec("AES_256").build()),
                "InvalidKeyUsageException", rsa.arn() + " key spec is RSA_2048 which is not valid for GenerateDataKey.");
    }

    @Test
    void generateRandomReturnsTheRequestedNumberOfBytesWithAwsMessagesForBadCounts() {
        assertThat(dataKeys.generateRandom(kit.caller(), GenerateRandomRequest.builder().numberOfBytes(91).build()).plaintext().asByteArray())
                .hasSize(91);
        assertAwsError(() -> dataKeys.generateRandom(kit.caller(), GenerateRandomRequest.builder().build()), "ValidationException",
                "NumberOfBytes is required.");
        assertAwsError(() -> dataKeys.generateRandom(kit.caller(), GenerateRandomRequest.builder().numberOfBytes(0).build()), "ValidationException",
                "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsError(() -> dataKeys.generateRandom(kit.caller(), GenerateRandomRequest.builder().numberOfBytes(1025).build()), "ValidationException",
                "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
        assertAwsError(() -> dataKeys.generateRandom(kit.caller(), GenerateRandomRequest.builder().numberOfBytes(8)
                .customKeyStoreId("cks-1234567890abcdef0").build()), "CustomKeyStoreNotFoundException", null);
    }
}
