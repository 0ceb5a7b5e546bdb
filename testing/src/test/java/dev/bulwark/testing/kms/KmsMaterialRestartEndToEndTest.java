package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * Rotated and imported key material survives a restart: every earlier material still decrypts, the
 * rotation schedule and history are kept, and the imported material is nowhere on disk in the clear.
 */
class KmsMaterialRestartEndToEndTest {
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("kept across restarts");

    @TempDir
    Path dataDir;

    @Test
    void rotationsAndImportedMaterialSurviveARestartAndNoMaterialIsStoredInTheClear() throws Exception {
        byte[] imported = ImportWrapping.randomMaterial(32);
        KeyMetadata rotated;
        KeyMetadata external;
        SdkBytes beforeRotation;
        SdkBytes afterRotation;
        SdkBytes underImported;
        GetKeyRotationStatusResponse status;
        List<RotationsListEntry> history;
        try (BulwarkTestServer server = BulwarkTestServer.startOn(dataDir); KmsClient kms = server.client(KmsClient.builder())) {
            rotated = kms.createKey(request -> request.description("rotated")).keyMetadata();
            kms.enableKeyRotation(request -> request.keyId(rotated.keyId()).rotationPeriodInDays(120));
            beforeRotation = kms.encrypt(request -> request.keyId(rotated.keyId()).plaintext(MESSAGE)).ciphertextBlob();
            kms.rotateKeyOnDemand(request -> request.keyId(rotated.keyId()));
            JobCompletion.await("the rotation", () -> kms.getKeyRotationStatus(request -> request.keyId(rotated.keyId()))
                    .onDemandRotationStartDate() == null);
            afterRotation = kms.encrypt(request -> request.keyId(rotated.keyId()).plaintext(MESSAGE)).ciphertextBlob();
            status = kms.getKeyRotationStatus(request -> request.keyId(rotated.keyId()));
            history = kms.listKeyRotations(request -> request.keyId(rotated.keyId())).rotations();

            external = kms.createKey(request -> request.origin("EXTERNAL")).keyMetadata();
            GetParametersForImportResponse parameters = kms.getParametersForImport(request -> request.keyId(external.keyId())
                    .wrappingAlgorithm("RSAES_OAEP_SHA_256").wrappingKeySpec("RSA_2048"));
            byte[] wrapped = ImportWrapping.wrap("RSAES_OAEP_SHA_256", parameters.publicKey().asByteArray(), imported);
            kms.importKeyMaterial(request -> request.keyId(external.keyId()).importToken(parameters.importToken())
                    .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).expirationModel("KEY_MATERIAL_DOES_NOT_EXPIRE"));
            underImported = kms.encrypt(request -> request.keyId(external.keyId()).plaintext(MESSAGE)).ciphertextBlob();
        }

        assertThat(filesContaining(dataDir, imported)).as("files holding the imported material in the clear").isEmpty();

        try (BulwarkTestServer server = BulwarkTestServer.startOn(dataDir); KmsClient kms = server.client(KmsClient.builder())) {
            for (SdkBytes ciphertext : List.of(beforeRotation, afterRotation, underImported)) {
                assertThat(kms.decrypt(request -> request.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(MESSAGE);
            }
            GetKeyRotationStatusResponse restarted = kms.getKeyRotationStatus(request -> request.keyId(rotated.keyId()));
            assertThat(restarted.keyRotationEnabled()).isTrue();
            assertThat(restarted.rotationPeriodInDays()).isEqualTo(status.rotationPeriodInDays());
            assertThat(restarted.nextRotationDate()).isEqualTo(status.nextRotationDate());
            assertThat(kms.listKeyRotations(request -> request.keyId(rotated.keyId())).rotations()).isEqualTo(history);
            assertThat(kms.describeKey(request -> request.keyId(external.keyId())).keyMetadata().keyStateAsString()).isEqualTo("Enabled");
        }
    }

    private static List<Path> filesContaining(Path dir, byte[] secret) throws IOException {
        String needle = HexFormat.of().formatHex(secret);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> HexFormat.of().formatHex(read(file)).contains(needle))
                    .toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
