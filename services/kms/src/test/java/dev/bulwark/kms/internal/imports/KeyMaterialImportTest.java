package dev.bulwark.kms.internal.imports;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AwsException;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.cryptography.PublicKeys;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.internal.rotation.KeyRotation;
import dev.bulwark.kms.internal.rotation.KeyRotationListing;
import dev.bulwark.kms.testing.ImportWrapping;
import dev.bulwark.kms.testing.KmsTestKit;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GetParametersForImportRequest;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;

class KeyMaterialImportTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("imported secrets");

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final PublicKeys publicKeys = new PublicKeys(kit.core);
    private final KeyRotation rotation = new KeyRotation(kit.core);
    private final KeyRotationListing rotationListing = new KeyRotationListing(kit.core);
    private final KeyMaterialImport imports = new KeyMaterialImport(kit.core);

    private KeyMetadata externalKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").build()).keyMetadata();
    }

    private KeyMetadata describe(String keyId) {
        return lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    private byte[] randomMaterial(int length) {
        byte[] material = new byte[length];
        kit.random.nextBytes(material);
        return material;
    }

    private GetParametersForImportResponse parameters(String keyId, String algorithm, String spec) {
        return imports.getParametersForImport(kit.caller(), GetParametersForImportRequest.builder()
                .keyId(keyId).wrappingAlgorithm(algorithm).wrappingKeySpec(spec).build());
    }

    private ImportKeyMaterialRequest.Builder wrapped(String keyId, byte[] material, String algorithm) {
        GetParametersForImportResponse parameters = parameters(keyId, algorithm, "RSA_2048");
        byte[] blob = ImportWrapping.wrap(algorithm, parameters.publicKey().asByteArray(), material, kit.random);
        return ImportKeyMaterialRequest.builder()
                .keyId(keyId)
                .importToken(parameters.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(blob))
                .expirationModel("KEY_MATERIAL_DOES_NOT_EXPIRE");
    }

    private ImportKeyMaterialResponse importMaterial(String keyId, byte[] material) {
        return importMaterial(keyId, material, UnaryOperator.identity());
    }

    private ImportKeyMaterialResponse importMaterial(String keyId, byte[] material, UnaryOperator<ImportKeyMaterialRequest.Builder> options) {
        return imports.importKeyMaterial(kit.caller(), options.apply(wrapped(keyId, material, "RSAES_OAEP_SHA_256")).build());
    }

    private DeleteImportedKeyMaterialResponse deleteMaterial(String keyId) {
        return imports.deleteImportedKeyMaterial(kit.caller(), DeleteImportedKeyMaterialRequest.builder().keyId(keyId).build());
    }

    private SdkBytes encrypt(String keyId) {
        return cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(keyId).plaintext(PLAINTEXT).build()).ciphertextBlob();
    }

    private SdkBytes decrypt(SdkBytes ciphertext) {
        return cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).build()).plaintext();
    }

    @ParameterizedTest
    @CsvSource({"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256"})
    void materialWrappedWithEveryAlgorithmImportsAndTheKeyEncrypts(String algorithm) {
        KeyMetadata key = externalKey();

        ImportKeyMaterialResponse imported = imports.importKeyMaterial(kit.caller(),
                wrapped(key.keyId(), randomMaterial(32), algorithm).build());

        assertThat(imported.keyId()).isEqualTo(key.arn());
        assertThat(imported.keyMaterialId()).hasSize(64);
        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyStateAsString()).isEqualTo("Enabled");
        assertThat(described.enabled()).isTrue();
        assertThat(described.currentKeyMaterialId()).isEqualTo(imported.keyMaterialId());
        assertThat(described.expirationModelAsString()).isEqualTo("KEY_MATERIAL_DOES_NOT_EXPIRE");
        assertThat(described.validTo()).isNull();
        assertThat(decrypt(encrypt(key.keyId()))).isEqualTo(PLAINTEXT);
    }

    @Test
    void parametersAreAnRsaPublicKeyOfTheSpecAndATokenValidFor24Hours() throws Exception {
        KeyMetadata key = externalKey();

        GetParametersForImportResponse parameters = parameters(key.keyId(), "RSA_AES_KEY_WRAP_SHA_256", "RSA_3072");

        assertThat(parameters.keyId()).isEqualTo(key.arn());
        assertThat(parameters.parametersValidTo()).isEqualTo(kit.clock.instant().plus(Duration.ofHours(24)));
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(parameters.publicKey().asByteArray()));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(3072);
        assertThat(kit.lastConditions("kms:GetParametersForImport"))
                .containsEntry("kms:WrappingAlgorithm", List.of("RSA_AES_KEY_WRAP_SHA_256"))
                .containsEntry("kms:WrappingKeySpec", List.of("RSA_3072"));
    }

    @Test
    void theSameMaterialImportedAgainAfterDeletionDecryptsOldCiphertexts() {
        KeyMetadata key = externalKey();
        byte[] material = randomMaterial(32);
        String materialId = importMaterial(key.keyId(), material).keyMaterialId();
        SdkBytes ciphertext = encrypt(key.keyId());

        DeleteImportedKeyMaterialResponse deleted = deleteMaterial(key.keyId());

        assertThat(deleted.keyId()).isEqualTo(key.arn());
        assertThat(deleted.keyMaterialId()).isEqualTo(materialId);
        KeyMetadata afterDeletion = describe(key.keyId());
        assertThat(afterDeletion.keyStateAsString()).isEqualTo("PendingImport");
        assertThat(afterDeletion.currentKeyMaterialId()).as("AWS keeps naming it").isEqualTo(materialId);
        assertThat(afterDeletion.expirationModel()).isNull();
        assertAwsError(() -> encrypt(key.keyId()), "KMSInvalidStateException", key.arn() + " is pending import.");
        assertAwsError(() -> decrypt(ciphertext), "KMSInvalidStateException", key.arn() + " is pending import.");

        assertThat(importMaterial(key.keyId(), material).keyMaterialId()).isEqualTo(materialId);
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertThat(decrypt(ciphertext)).isEqualTo(PLAINTEXT);
    }

    @Test
    void otherMaterialCannotReplaceTheKeysMaterial() {
        KeyMetadata key = externalKey();
        importMaterial(key.keyId(), randomMaterial(32));
        deleteMaterial(key.keyId());

        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(32)), "IncorrectKeyMaterialException",
                "The key material is not the key material previously imported into " + key.arn() + ".");
        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(32), r -> r.importType("EXISTING_KEY_MATERIAL")),
                "IncorrectKeyMaterialException", "The key material is not the key material previously imported into " + key.arn() + ".");
    }

    @Test
    void aTokenIsForOneImportIntoOneKeyWithin24Hours() {
        KeyMetadata key = externalKey();
        KeyMetadata other = externalKey();
        byte[] material = randomMaterial(32);
        ImportKeyMaterialRequest request = wrapped(key.keyId(), material, "RSAES_OAEP_SHA_1").build();

        assertAwsError(() -> imports.importKeyMaterial(kit.caller(), request.toBuilder().keyId(other.keyId()).build()),
                "InvalidImportTokenException", "The import token is not valid for this KMS key, or it was already used.");
        imports.importKeyMaterial(kit.caller(), request);
        assertAwsError(() -> imports.importKeyMaterial(kit.caller(), request), "InvalidImportTokenException",
                "The import token is not valid for this KMS key, or it was already used.");
        assertAwsError(() -> imports.importKeyMaterial(kit.caller(), request.toBuilder()
                        .importToken(SdkBytes.fromUtf8String("forged")).build()),
                "InvalidImportTokenException", "The import token is not valid for this KMS key, or it was already used.");
    }

    @Test
    void anExpiredTokenIsRefusedAndItsPrivateKeyIsDropped() {
        KeyMetadata key = externalKey();
        ImportKeyMaterialRequest request = wrapped(key.keyId(), randomMaterial(32), "RSAES_OAEP_SHA_256").build();

        kit.clock.advance(Duration.ofHours(24));
        assertAwsError(() -> imports.importKeyMaterial(kit.caller(), request), "ExpiredImportTokenException",
                "The import token has expired. Use GetParametersForImport to get a new import token and public key.");
        assertThat(kit.runDueJobs()).isEqualTo(1);
        assertAwsError(() -> imports.importKeyMaterial(kit.caller(), request), "ExpiredImportTokenException",
                "The import token has expired. Use GetParametersForImport to get a new import token and public key.");
        assertThat(kit.store.read(tx -> tx.list("kms.import-token", "111122223333/us-east-1", "", "", 10)).records())
                .allSatisfy(record -> assertThat(record.secret()).isEmpty());
    }

    @Test
    void regressionAFailedImportDoesNotUseUpTheToken() {
        KeyMetadata key = externalKey();
        ImportKeyMaterialRequest good = wrapped(key.keyId(), randomMaterial(32), "RSAES_OAEP_SHA_256").build();
        ImportKeyMaterialRequest damaged = good.toBuilder().encryptedKeyMaterial(SdkBytes.fromByteArray(new byte[256])).build();

        assertAwsError(() -> imports.importKeyMaterial(kit.caller(), damaged), "InvalidCiphertextException", null);

        imports.importKeyMaterial(kit.caller(), good);
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
    }

    @Test
    void symmetricMaterialIs32Bytes() {
        KeyMetadata key = externalKey();

        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(16)), "IncorrectKeyMaterialException",
                "Key material for a SYMMETRIC_DEFAULT key must be 256 bits (32 bytes).");
    }

    @Test
    void expiringMaterialIsDeletedAtValidToAndTheKeyWaitsForItAgain() {
        KeyMetadata key = externalKey();
        byte[] material = randomMaterial(32);
        Instant validTo = kit.clock.instant().plus(Duration.ofDays(2));
        importMaterial(key.keyId(), material, r -> r.expirationModel("KEY_MATERIAL_EXPIRES").validTo(validTo));
        SdkBytes ciphertext = encrypt(key.keyId());
        assertThat(describe(key.keyId()).expirationModelAsString()).isEqualTo("KEY_MATERIAL_EXPIRES");
        assertThat(describe(key.keyId()).validTo()).isEqualTo(validTo);
        assertThat(kit.lastConditions("kms:ImportKeyMaterial"))
                .containsEntry("kms:ExpirationModel", List.of("KEY_MATERIAL_EXPIRES"))
                .containsEntry("kms:ValidTo", List.of(String.valueOf(validTo.getEpochSecond())));

        kit.clock.advance(Duration.ofDays(2));
        kit.runDueJobs();

        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("PendingImport");
        importMaterial(key.keyId(), material);
        assertThat(decrypt(ciphertext)).isEqualTo(PLAINTEXT);
        assertThat(describe(key.keyId()).expirationModelAsString()).isEqualTo("KEY_MATERIAL_DOES_NOT_EXPIRE");
    }

    @Test
    void regressionReimportingWithoutExpiryCancelsTheEarlierExpiry() {
        KeyMetadata key = externalKey();
        byte[] material = randomMaterial(32);
        importMaterial(key.keyId(), material, r -> r.expirationModel("KEY_MATERIAL_EXPIRES")
                .validTo(kit.clock.instant().plus(Duration.ofDays(1))));

        importMaterial(key.keyId(), material);
        kit.clock.advance(Duration.ofDays(2));
        kit.runDueJobs();

        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
    }

    @Test
    void validToFollowsTheExpirationModel() {
        KeyMetadata key = externalKey();
        Instant now = kit.clock.instant();

        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(32), r -> r.expirationModel((String) null)), "ValidationException",
                "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(32), r -> r.validTo(now.plusSeconds(60))),
                "ValidationException", "A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE");
        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(32),
                r -> r.expirationModel("KEY_MATERIAL_EXPIRES").validTo(now)), "ValidationException", "The validTo date must be in the future.");
        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(32),
                r -> r.expirationModel("KEY_MATERIAL_EXPIRES").validTo(now.plus(Duration.ofDays(366)))),
                "ValidationException", "The validTo date must be at most 365 days in the future.");
    }

    @Test
    void keysWithKmsMaterialTakeNoImports() {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
        String message = key.arn() + " origin is AWS_KMS which is not valid for this operation.";

        assertAwsError(() -> parameters(key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048"), "UnsupportedOperationException", message);
        assertAwsError(() -> deleteMaterial(key.keyId()), "UnsupportedOperationException", message);
    }

    @Test
    void wrappingChoicesAreChecked() {
        KeyMetadata key = externalKey();

        assertAwsError(() -> parameters(key.keyId(), "RSAES_PKCS1_V1_5", "RSA_2048"), "UnsupportedOperationException",
                "The RSAES_PKCS1_V1_5 wrapping algorithm is no longer supported.");
        assertAwsError(() -> parameters(key.keyId(), "SM2PKE", "RSA_2048"), "UnsupportedOperationException",
                "Wrapping algorithm SM2PKE cannot be used with wrapping key spec RSA_2048.");
        assertAwsError(() -> parameters(key.keyId(), "RSAES_OAEP_SHA_256", "RSA_1024"), "ValidationException",
                "1 validation error detected: Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, SM2]");
    }

    @Test
    void newMaterialWaitsForAnOnDemandRotationAndEarlierMaterialKeepsDecrypting() {
        KeyMetadata key = externalKey();
        String first = importMaterial(key.keyId(), randomMaterial(32)).keyMaterialId();
        SdkBytes before = encrypt(key.keyId());
        assertAwsError(() -> rotation.rotateKeyOnDemand(kit.caller(), RotateKeyOnDemandRequest.builder().keyId(key.keyId()).build()),
                "KMSInvalidStateException", "No available key material pending rotation for the key: " + key.arn() + ".");

        String next = importMaterial(key.keyId(), randomMaterial(32), r -> r.importType("NEW_KEY_MATERIAL")
                .keyMaterialDescription("second material")).keyMaterialId();
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(first);
        var pending = rotationListing.listKeyRotations(kit.caller(), ListKeyRotationsRequest.builder().keyId(key.keyId())
                .includeKeyMaterial("ALL_KEY_MATERIAL").build()).rotations();
        assertThat(pending).extracting(RotationsListEntry::keyMaterialStateAsString).containsExactly("CURRENT", "PENDING_ROTATION");
        assertThat(pending.get(1).keyMaterialDescription()).isEqualTo("second material");
        assertThat(pending.get(1).importStateAsString()).isEqualTo("IMPORTED");
        assertThat(pending.get(1).expirationModelAsString()).isEqualTo("KEY_MATERIAL_DOES_NOT_EXPIRE");
        assertThatThrownBy(() -> importMaterial(key.keyId(), randomMaterial(32), r -> r.importType("NEW_KEY_MATERIAL")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("KMSInvalidStateException");
                    assertThat(e.getMessage()).matches(Pattern.quote("New key material (id: ") + "[0-9a-f]{64}"
                            + Pattern.quote(") cannot be imported into KMS key " + key.arn() + ", because another key material (id: "
                            + next + ") is pending rotation."));
                });

        rotation.rotateKeyOnDemand(kit.caller(), RotateKeyOnDemandRequest.builder().keyId(key.keyId()).build());
        kit.runDueJobs();

        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(next);
        assertThat(decrypt(before)).isEqualTo(PLAINTEXT);
        var rotated = rotationListing.listKeyRotations(kit.caller(), ListKeyRotationsRequest.builder().keyId(key.keyId()).build())
                .rotations();
        assertThat(rotated).singleElement().satisfies(entry -> {
            assertThat(entry.keyMaterialId()).isEqualTo(next);
            assertThat(entry.rotationTypeAsString()).isEqualTo("ON_DEMAND");
            assertThat(entry.keyMaterialStateAsString()).isEqualTo("CURRENT");
        });
    }

    @Test
    void deletingMaterialPendingRotationTakesItAwayAndLeavesTheKeyEnabled() {
        KeyMetadata key = externalKey();
        importMaterial(key.keyId(), randomMaterial(32));
        String pending = importMaterial(key.keyId(), randomMaterial(32), r -> r.importType("NEW_KEY_MATERIAL")).keyMaterialId();

        imports.deleteImportedKeyMaterial(kit.caller(), DeleteImportedKeyMaterialRequest.builder().keyId(key.keyId())
                .keyMaterialId(pending).build());

        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertThat(rotationListing.listKeyRotations(kit.caller(), ListKeyRotationsRequest.builder().keyId(key.keyId())
                .includeKeyMaterial("ALL_KEY_MATERIAL").build()).rotations()).hasSize(1);
        assertAwsError(() -> imports.deleteImportedKeyMaterial(kit.caller(), DeleteImportedKeyMaterialRequest.builder()
                        .keyId(key.keyId()).keyMaterialId(pending).build()),
                "NotFoundException", "Key material '" + pending + "' of " + key.arn() + " does not exist");
    }

    @Test
    void deletingMaterialOfAKeyPendingDeletionLeavesItPendingDeletionAndCancellingReturnsItToPendingImport() {
        KeyMetadata key = externalKey();
        importMaterial(key.keyId(), randomMaterial(32));
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).build());

        deleteMaterial(key.keyId());
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("PendingDeletion");

        deletion.cancelKeyDeletion(kit.caller(), CancelKeyDeletionRequest.builder().keyId(key.keyId()).build());
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("PendingImport");
    }

    @ParameterizedTest
    @CsvSource({"HMAC_224,28", "HMAC_256,64", "HMAC_384,48", "HMAC_512,128"})
    void hmacKeysTakeMaterialOfTheirSpecsLengthsAndKeepIt(String spec, int length) {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").keySpec(spec)
                .keyUsage("GENERATE_VERIFY_MAC").build()).keyMetadata();

        ImportKeyMaterialResponse imported = importMaterial(key.keyId(), randomMaterial(length));

        assertThat(imported.keyMaterialId()).as("reported for symmetric encryption keys only").isNull();
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(length), r -> r.importType("NEW_KEY_MATERIAL")),
                "IncorrectKeyMaterialException", "The key material of " + key.arn()
                        + " cannot change: asymmetric and HMAC keys keep the key material of their first import.");
        assertAwsError(() -> importMaterial(key.keyId(), randomMaterial(129)), "IncorrectKeyMaterialException",
                "Key material for a " + spec + " key must be " + lengths(spec) + " bytes long.");
    }

    private static String lengths(String spec) {
        return switch (spec) {
            case "HMAC_224" -> "28 to 64";
            case "HMAC_256" -> "32 to 64";
            case "HMAC_384" -> "48 to 128";
            default -> "64 to 128";
        };
    }

    @Test
    void anImportedEccKeySignsWithThePublicKeyDerivedFromIt() throws Exception {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").keySpec("ECC_NIST_P256")
                .keyUsage("SIGN_VERIFY").build()).keyMetadata();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        imports.importKeyMaterial(kit.caller(), wrapped(key.keyId(), pair.getPrivate().getEncoded(), "RSA_AES_KEY_WRAP_SHA_256").build());

        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertThat(publicKeys.getPublicKey(kit.caller(), GetPublicKeyRequest.builder().keyId(key.keyId()).build()).publicKey().asByteArray())
                .isEqualTo(pair.getPublic().getEncoded());
        KeyPair another = generator.generateKeyPair();
        deleteMaterial(key.keyId());
        assertAwsError(() -> imports.importKeyMaterial(kit.caller(),
                        wrapped(key.keyId(), another.getPrivate().getEncoded(), "RSA_AES_KEY_WRAP_SHA_256").build()),
                "IncorrectKeyMaterialException", "The key material is not the key material previously imported into " + key.arn() + ".");
    }

    @Test
    void anImportedRsaKeyDecryptsWhatItsOwnerEncryptsAndTheOwnerDecryptsWhatKmsEncrypts() throws Exception {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").keySpec("RSA_2048")
                .keyUsage("ENCRYPT_DECRYPT").build()).keyMetadata();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        imports.importKeyMaterial(kit.caller(), wrapped(key.keyId(), pair.getPrivate().getEncoded(), "RSA_AES_KEY_WRAP_SHA_1").build());

        SdkBytes ciphertext = cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").build()).ciphertextBlob();

        assertThat(oaepSha256Decrypt(pair.getPrivate(), ciphertext.asByteArray())).isEqualTo(PLAINTEXT.asByteArray());
    }

    private static byte[] oaepSha256Decrypt(PrivateKey key, byte[] ciphertext) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return cipher.doFinal(ciphertext);
    }
}
