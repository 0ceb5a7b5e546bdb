package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.exception.AwsCryptoException;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AwsCryptographicMaterialProvidersException;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * Envelope encryption by the AWS Encryption SDK for Java 3.x, whose KMS keyring generates and
 * decrypts the data key through Bulwark with the AWS SDK v2 KmsClient, as it would through AWS.
 */
class EncryptionSdkInteroperabilityTest {
    private static final byte[] MESSAGE = "a message sealed by the AWS Encryption SDK".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> CONTEXT = Map.of("purpose", "interoperability", "tenant", "bulwark");

    private static BulwarkTestServer server;
    private static KmsClient kms;
    private static IKeyring keyring;
    private static final AwsCrypto CRYPTO = AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt).build();

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
        String keyArn = kms.createKey(request -> request.description("Encryption SDK wrapping key")).keyMetadata().arn();
        MaterialProviders materialProviders = MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();
        keyring = materialProviders.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder()
                .kmsKeyId(keyArn).kmsClient(kms).build());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    @Test
    void aMessageEncryptedWithAKmsKeyringDecryptsWithItsEncryptionContext() {
        CryptoResult<byte[], ?> encrypted = CRYPTO.encryptData(keyring, MESSAGE, CONTEXT);
        assertThat(new String(encrypted.getResult(), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(MESSAGE, StandardCharsets.ISO_8859_1));

        CryptoResult<byte[], ?> decrypted = CRYPTO.decryptData(keyring, encrypted.getResult(), CONTEXT);

        assertThat(decrypted.getResult()).isEqualTo(MESSAGE);
        assertThat(decrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT);
        assertThat(server.auditRecords()).extracting(record -> record.eventName())
                .contains("GenerateDataKey", "Decrypt");
    }

    @Test
    void aTamperedMessageDoesNotDecrypt() {
        byte[] message = CRYPTO.encryptData(keyring, MESSAGE, CONTEXT).getResult();
        message[message.length - 40] ^= 0x01;

        assertThatThrownBy(() -> CRYPTO.decryptData(keyring, message, CONTEXT)).isInstanceOf(AwsCryptoException.class);
    }

    @Test
    void aMessageDoesNotDecryptWithAnotherEncryptionContext() {
        byte[] message = CRYPTO.encryptData(keyring, MESSAGE, CONTEXT).getResult();

        assertThatThrownBy(() -> CRYPTO.decryptData(keyring, message, Map.of("purpose", "something else")))
                .isInstanceOf(AwsCryptographicMaterialProvidersException.class)
                .hasMessage("Encryption context does not match reproduced encryption context.");
    }
}
