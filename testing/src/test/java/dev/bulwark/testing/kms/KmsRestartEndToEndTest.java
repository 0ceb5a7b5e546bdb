package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** Keys, aliases and ciphertexts survive a restart on the same data folder. */
class KmsRestartEndToEndTest {
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("kept across restarts");

    @TempDir
    Path dataDir;

    @Test
    void keysAliasesAndCiphertextsSurviveARestart() {
        KeyMetadata key;
        KeyMetadata rsa;
        SdkBytes ciphertext;
        SdkBytes rsaCiphertext;
        KeyMetadata doomed;
        try (BulwarkTestServer server = BulwarkTestServer.startOn(dataDir); KmsClient kms = server.client(KmsClient.builder())) {
            key = kms.createKey(request -> request.description("durable")).keyMetadata();
            rsa = kms.createKey(request -> request.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata();
            kms.createAlias(request -> request.aliasName("alias/durable").targetKeyId(key.keyId()));
            ciphertext = kms.encrypt(request -> request.keyId("alias/durable").plaintext(MESSAGE).encryptionContext(Map.of("k", "v")))
                    .ciphertextBlob();
            rsaCiphertext = kms.encrypt(request -> request.keyId(rsa.keyId()).plaintext(MESSAGE).encryptionAlgorithm("RSAES_OAEP_SHA_256"))
                    .ciphertextBlob();
            doomed = kms.createKey(request -> request.description("doomed")).keyMetadata();
            kms.scheduleKeyDeletion(request -> request.keyId(doomed.keyId()).pendingWindowInDays(7));
        }

        try (BulwarkTestServer server = BulwarkTestServer.startOn(dataDir); KmsClient kms = server.client(KmsClient.builder())) {
            assertThat(kms.describeKey(request -> request.keyId("alias/durable")).keyMetadata()).isEqualTo(key);
            assertThat(kms.decrypt(request -> request.ciphertextBlob(ciphertext).encryptionContext(Map.of("k", "v"))).plaintext())
                    .isEqualTo(MESSAGE);
            assertThat(kms.decrypt(request -> request.keyId(rsa.keyId()).ciphertextBlob(rsaCiphertext)
                    .encryptionAlgorithm("RSAES_OAEP_SHA_256")).plaintext()).isEqualTo(MESSAGE);
            assertThat(kms.describeKey(request -> request.keyId(doomed.keyId())).keyMetadata().keyStateAsString()).isEqualTo("PendingDeletion");
            kms.cancelKeyDeletion(request -> request.keyId(doomed.keyId()));
            assertThat(kms.describeKey(request -> request.keyId(doomed.keyId())).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
        }
    }
}
