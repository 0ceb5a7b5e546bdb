package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static dev.bulwark.testing.kms.KmsErrors.assertKmsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Importing key material through the real AWS SDK, end to end: GetParametersForImport, the
 * material wrapped on the client with the JDK (RSA-OAEP, or an ephemeral AES key and AES-KWP),
 * ImportKeyMaterial, use of the key, deletion and re-import, compared with AWS's recorded answers.
 */
class KmsImportEndToEndTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("imported secrets");

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

    private static KeyMetadata externalKey(String spec, String usage) {
        return kms.createKey(request -> request.origin("EXTERNAL").keySpec(spec).keyUsage(usage).description("test-key")).keyMetadata();
    }

    private static ImportKeyMaterialRequest.Builder wrapped(String keyId, byte[] material, String algorithm, String wrappingSpec)
            throws GeneralSecurityException {
        GetParametersForImportResponse parameters = kms.getParametersForImport(request -> request.keyId(keyId)
                .wrappingAlgorithm(algorithm).wrappingKeySpec(wrappingSpec));
        return ImportKeyMaterialRequest.builder()
                .keyId(keyId)
                .importToken(parameters.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(ImportWrapping.wrap(algorithm, parameters.publicKey().asByteArray(), material)))
                .expirationModel("KEY_MATERIAL_DOES_NOT_EXPIRE");
    }

    private static ImportKeyMaterialResponse importMaterial(String keyId, byte[] material) throws GeneralSecurityException {
        return importMaterial(keyId, material, UnaryOperator.identity());
    }

    private static ImportKeyMaterialResponse importMaterial(String keyId, byte[] material,
            UnaryOperator<ImportKeyMaterialRequest.Builder> options) throws GeneralSecurityException {
        return kms.importKeyMaterial(options.apply(wrapped(keyId, material, "RSAES_OAEP_SHA_256", "RSA_2048")).build());
    }

    private static KeyMetadata describe(String keyId) {
        return kms.describeKey(request -> request.keyId(keyId)).keyMetadata();
    }

    private static SdkBytes encrypt(String keyId) {
        return kms.encrypt(request -> request.keyId(keyId).plaintext(PLAINTEXT)).ciphertextBlob();
    }

    @Test
    void symmetricMaterialImportsEncryptsIsDeletedAndReimportedToDecryptOldCiphertexts() throws Exception {
        KeyMetadata key = externalKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        // Recorded: test_import_key_symmetric (created-key, encrypt-before-import-error)
        assertThat(key.keyStateAsString()).isEqualTo("PendingImport");
        assertThat(key.enabled()).isFalse();
        assertThat(key.originAsString()).isEqualTo("EXTERNAL");
        assertThat(key.currentKeyMaterialId()).isNull();
        assertThat(key.expirationModel()).isNull();
        assertKmsError(() -> encrypt(key.keyId()), "KMSInvalidStateException", key.arn() + " is pending import.");
        byte[] material = ImportWrapping.randomMaterial(32);

        ImportKeyMaterialResponse imported = importMaterial(key.keyId(), material);

        assertThat(imported.keyId()).isEqualTo(key.arn());
        KeyMetadata afterImport = describe(key.keyId());
        assertThat(afterImport.keyStateAsString()).isEqualTo("Enabled");
        assertThat(afterImport.enabled()).isTrue();
        assertThat(afterImport.expirationModelAsString()).isEqualTo("KEY_MATERIAL_DOES_NOT_EXPIRE");
        assertThat(afterImport.currentKeyMaterialId()).isEqualTo(imported.keyMaterialId());
        SdkBytes ciphertext = encrypt(key.keyId());
        assertThat(kms.decrypt(request -> request.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(PLAINTEXT);

        var deleted = kms.deleteImportedKeyMaterial(request -> request.keyId(key.keyId()));
        assertThat(deleted.keyId()).isEqualTo(key.arn());
        assertThat(deleted.keyMaterialId()).isEqualTo(imported.keyMaterialId());
        // Recorded: describe-key-after-deleted-import, encrypt-after-delete-error
        KeyMetadata afterDeletion = describe(key.keyId());
        assertThat(afterDeletion.keyStateAsString()).isEqualTo("PendingImport");
        assertThat(afterDeletion.enabled()).isFalse();
        assertThat(afterDeletion.currentKeyMaterialId()).isEqualTo(imported.keyMaterialId());
        assertThat(afterDeletion.expirationModel()).isNull();
        assertKmsError(() -> encrypt(key.keyId()), "KMSInvalidStateException", key.arn() + " is pending import.");

        importMaterial(key.keyId(), material);
        assertThat(kms.decrypt(request -> request.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @CsvSource({"RSAES_OAEP_SHA_1, RSA_2048", "RSA_AES_KEY_WRAP_SHA_1, RSA_3072", "RSA_AES_KEY_WRAP_SHA_256, RSA_4096"})
    void everyWrappingAlgorithmAndKeySpecImports(String algorithm, String wrappingSpec) throws Exception {
        KeyMetadata key = externalKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");

        kms.importKeyMaterial(wrapped(key.keyId(), ImportWrapping.randomMaterial(32), algorithm, wrappingSpec).build());

        assertThat(kms.decrypt(request -> request.ciphertextBlob(encrypt(key.keyId()))).plaintext()).isEqualTo(PLAINTEXT);
    }

    @Test
    void expiringMaterialNeedsAValidToAndReportsIt() throws Exception {
        KeyMetadata key = externalKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        byte[] material = ImportWrapping.randomMaterial(32);

        // Recorded: import-expiring-key-without-valid-to
        assertKmsError(() -> importMaterial(key.keyId(), material, request -> request.expirationModel("KEY_MATERIAL_EXPIRES")),
                "ValidationException", "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        Instant validTo = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        importMaterial(key.keyId(), material, request -> request.expirationModel("KEY_MATERIAL_EXPIRES").validTo(validTo));

        KeyMetadata described = describe(key.keyId());
        assertThat(described.expirationModelAsString()).isEqualTo("KEY_MATERIAL_EXPIRES");
        assertThat(described.validTo()).isEqualTo(validTo);
    }

    @Test
    void tokensAndMaterialAreChecked() throws Exception {
        KeyMetadata key = externalKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        KeyMetadata generated = kms.createKey(request -> request.description("kms material")).keyMetadata();
        ImportKeyMaterialRequest request = wrapped(key.keyId(), ImportWrapping.randomMaterial(32), "RSAES_OAEP_SHA_256", "RSA_2048").build();
        kms.importKeyMaterial(request);

        assertKmsError(() -> kms.importKeyMaterial(request), "InvalidImportTokenException",
                "The import token is not valid for this KMS key, or it was already used.");
        assertKmsError(() -> importMaterial(key.keyId(), ImportWrapping.randomMaterial(32)), "IncorrectKeyMaterialException",
                "The key material is not the key material previously imported into " + key.arn() + ".");
        assertKmsError(() -> importMaterial(key.keyId(), ImportWrapping.randomMaterial(16)), "IncorrectKeyMaterialException",
                "Key material for a SYMMETRIC_DEFAULT key must be 256 bits (32 bytes).");
        assertKmsErrorCode(() -> kms.importKeyMaterial(wrapped(key.keyId(), ImportWrapping.randomMaterial(32), "RSAES_OAEP_SHA_256",
                "RSA_2048").encryptedKeyMaterial(SdkBytes.fromByteArray(new byte[256])).build()), "InvalidCiphertextException");
        // Recorded: test_get_parameters_for_import_raises_for_non_external_kms_keys
        assertKmsError(() -> kms.getParametersForImport(r -> r.keyId(generated.keyId()).wrappingAlgorithm("RSAES_OAEP_SHA_256")
                .wrappingKeySpec("RSA_2048")), "UnsupportedOperationException",
                generated.arn() + " origin is AWS_KMS which is not valid for this operation.");
        assertKmsError(() -> kms.deleteImportedKeyMaterial(r -> r.keyId(generated.keyId())), "UnsupportedOperationException",
                generated.arn() + " origin is AWS_KMS which is not valid for this operation.");
    }

    @Test
    void newMaterialBecomesCurrentByOnDemandRotation() throws Exception {
        KeyMetadata key = externalKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        String first = importMaterial(key.keyId(), ImportWrapping.randomMaterial(32)).keyMaterialId();
        SdkBytes before = encrypt(key.keyId());
        // Recorded: test_rotate_key_on_demand_raises_for_no_pending_key_material
        assertKmsError(() -> kms.rotateKeyOnDemand(request -> request.keyId(key.keyId())), "KMSInvalidStateException",
                "No available key material pending rotation for the key: " + key.arn() + ".");

        // Recorded: test_rotate_key_on_demand_updates_current_key_material_for_external_keys
        String second = importMaterial(key.keyId(), ImportWrapping.randomMaterial(32),
                request -> request.importType("NEW_KEY_MATERIAL")).keyMaterialId();
        assertThat(second).isNotEqualTo(first);
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(first);
        // Recorded: test_import_key_material_raises_if_there_is_already_key_material_pending
        assertKmsErrorCode(() -> importMaterial(key.keyId(), ImportWrapping.randomMaterial(32),
                request -> request.importType("NEW_KEY_MATERIAL")), "KMSInvalidStateException");

        assertThat(kms.rotateKeyOnDemand(request -> request.keyId(key.keyId())).keyId()).isEqualTo(key.arn());
        JobCompletion.await("the on-demand rotation", () -> second.equals(describe(key.keyId()).currentKeyMaterialId()));

        assertThat(kms.decrypt(request -> request.ciphertextBlob(before)).plaintext()).isEqualTo(PLAINTEXT);
        assertThat(kms.decrypt(request -> request.ciphertextBlob(encrypt(key.keyId()))).keyMaterialId()).isEqualTo(second);
    }

    @Test
    void anImportedEccKeyHandsOutThePublicKeyOfTheImportedPrivateKey() throws Exception {
        KeyMetadata key = externalKey("ECC_NIST_P256", "SIGN_VERIFY");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        kms.importKeyMaterial(wrapped(key.keyId(), pair.getPrivate().getEncoded(), "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048").build());

        // Recorded: test_import_key_ecc_keys (describe-key-after-import)
        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyStateAsString()).isEqualTo("Enabled");
        assertThat(described.expirationModelAsString()).isEqualTo("KEY_MATERIAL_DOES_NOT_EXPIRE");
        assertThat(described.currentKeyMaterialId()).isNull();
        assertThat(kms.getPublicKey(request -> request.keyId(key.keyId())).publicKey().asByteArray())
                .isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void anImportedRsaKeyEncryptsForTheHolderOfThePrivateKey() throws Exception {
        KeyMetadata key = externalKey("RSA_2048", "ENCRYPT_DECRYPT");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        kms.importKeyMaterial(wrapped(key.keyId(), pair.getPrivate().getEncoded(), "RSA_AES_KEY_WRAP_SHA_256", "RSA_4096").build());

        SdkBytes ciphertext = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256")).ciphertextBlob();

        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, pair.getPrivate(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertThat(cipher.doFinal(ciphertext.asByteArray())).isEqualTo(PLAINTEXT.asByteArray());
    }

    @Test
    void anHmacKeyTakesMaterialOnce() throws Exception {
        KeyMetadata key = externalKey("HMAC_256", "GENERATE_VERIFY_MAC");

        ImportKeyMaterialResponse imported = importMaterial(key.keyId(), ImportWrapping.randomMaterial(32));

        assertThat(imported.keyMaterialId()).isNull();
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertKmsErrorCode(() -> importMaterial(key.keyId(), ImportWrapping.randomMaterial(32)), "IncorrectKeyMaterialException");
    }
}
