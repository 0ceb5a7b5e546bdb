package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.aliases.Aliases;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;

class CryptographyTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("test message 123 !%$@ 1234567890");

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Aliases aliases = new Aliases(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final PublicKeys publicKeys = new PublicKeys(kit.core);

    private KeyMetadata createKey(String spec, String usage) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build()).keyMetadata();
    }

    private KeyMetadata symmetricKey() {
        return createKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
    }

    private EncryptResponse encrypt(String keyId, Map<String, String> context) {
        return cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(keyId).plaintext(PLAINTEXT).encryptionContext(context).build());
    }

    private DecryptResponse decrypt(SdkBytes ciphertext, Map<String, String> context) {
        return cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).encryptionContext(context).build());
    }

    @Test
    void encryptAndDecryptRoundTripWithoutNamingTheKeyToDecrypt() {
        KeyMetadata key = symmetricKey();

        EncryptResponse encrypted = encrypt(key.keyId(), Map.of());
        DecryptResponse decrypted = decrypt(encrypted.ciphertextBlob(), Map.of());

        assertThat(encrypted.keyId()).isEqualTo(key.arn());
        assertThat(encrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(decrypted.plaintext()).isEqualTo(PLAINTEXT);
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(decrypted.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertThat(decrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
    }

    @Test
    void useOfAKeyIsAuthorizedOnItsArnUnderItsKeyPolicy() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().policy(policy).build()).keyMetadata();

        encrypt(key.keyId(), Map.of());

        var authorization = kit.lastAuthorization("kms:Encrypt");
        assertThat(authorization.resourceArn()).isEqualTo(key.arn());
        assertThat(authorization.resourceAccess().policy()).hasValue(policy);
        assertThat(authorization.resourceAccess().policyMustAllow()).as("a key policy is the primary control").isTrue();
    }

    @Test
    void everyKeyIdFormEncryptsAndDecrypts() {
        KeyMetadata key = symmetricKey();
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName("alias/app").targetKeyId(key.keyId()).build());

        for (String keyId : List.of(key.keyId(), key.arn(), "alias/app", "arn:aws:kms:us-east-1:111122223333:alias/app")) {
            SdkBytes ciphertext = encrypt(keyId, Map.of()).ciphertextBlob();
            DecryptResponse decrypted = cryptography.decrypt(kit.caller(),
                    DecryptRequest.builder().ciphertextBlob(ciphertext).keyId(keyId).build());
            assertThat(decrypted.plaintext()).as(keyId).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void theEncryptionContextMustMatchExactlyButNotInOrder() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of("purpose", "test", "department", "10")).ciphertextBlob();

        assertThat(decrypt(ciphertext, Map.of("department", "10", "purpose", "test")).plaintext()).isEqualTo(PLAINTEXT);
        assertThat(kit.lastConditions("kms:Decrypt"))
                .containsEntry("kms:EncryptionContext:purpose", List.of("test"))
                .containsEntry("kms:EncryptionContext:department", List.of("10"))
                .containsEntry("kms:EncryptionAlgorithm", List.of("SYMMETRIC_DEFAULT"));
        assertThat(kit.lastConditions("kms:Decrypt").get("kms:EncryptionContextKeys")).containsExactlyInAnyOrder("purpose", "department");
        assertAwsError(() -> decrypt(ciphertext, Map.of()), "InvalidCiphertextException", null);
        assertAwsError(() -> decrypt(ciphertext, Map.of("purpose", "test")), "InvalidCiphertextException", null);
        assertAwsError(() -> decrypt(ciphertext, Map.of("purpose", "test", "department", "11")), "InvalidCiphertextException", null);
    }

    @Test
    void regressionContextsThatCollideUnderConcatenationDoNotDecryptEachOther() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of("a", "bc")).ciphertextBlob();

        assertAwsError(() -> decrypt(ciphertext, Map.of("ab", "c")), "InvalidCiphertextException", null);
    }

    @Test
    void tamperedOrForeignCiphertextsAreInvalidWithoutSayingWhy() {
        KeyMetadata key = symmetricKey();
        byte[] ciphertext = encrypt(key.keyId(), Map.of()).ciphertextBlob().asByteArray();
        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 1] ^= 1;
        byte[] appended = Arrays.copyOf(ciphertext, ciphertext.length + 8);

        for (byte[] bad : List.of(tampered, appended, "not a ciphertext".getBytes(StandardCharsets.UTF_8))) {
            assertAwsError(() -> decrypt(SdkBytes.fromByteArray(bad), Map.of()), "InvalidCiphertextException", null);
        }
    }

    @Test
    void decryptingWithAnotherKeyIsAnIncorrectKey() {
        KeyMetadata key = symmetricKey();
        KeyMetadata other = symmetricKey();
        KeyMetadata hmac = createKey("HMAC_224", "GENERATE_VERIFY_MAC");
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of()).ciphertextBlob();

        for (String wrong : List.of(other.keyId(), hmac.keyId())) {
            assertAwsError(() -> cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).keyId(wrong).build()),
                    "IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
        }
    }

    @Test
    void aDisabledKeyNeitherEncryptsNorDecrypts() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of()).ciphertextBlob();
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());

        assertAwsError(() -> encrypt(key.keyId(), Map.of()), "DisabledException", key.arn() + " is disabled.");
        assertAwsError(() -> decrypt(ciphertext, Map.of()), "DisabledException", key.arn() + " is disabled.");
    }

    @Test
    void aKeyPendingDeletionNeitherEncryptsNorDecrypts() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of()).ciphertextBlob();
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).pendingWindowInDays(7).build());

        assertAwsError(() -> encrypt(key.keyId(), Map.of()), "KMSInvalidStateException", key.arn() + " is pending deletion.");
        assertAwsError(() -> decrypt(ciphertext, Map.of()), "KMSInvalidStateException", key.arn() + " is pending deletion.");
    }

    @Test
    void aKeyWaitingForImportedMaterialCannotEncrypt() {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").build()).keyMetadata();

        assertAwsError(() -> encrypt(key.keyId(), Map.of()), "KMSInvalidStateException", key.arn() + " is pending import.");
    }

    @Test
    void onlyEncryptionKeysEncrypt() {
        KeyMetadata signing = createKey("RSA_2048", "SIGN_VERIFY");

        assertAwsError(() -> encrypt(signing.keyId(), Map.of()), "InvalidKeyUsageException",
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for Encrypt.");
    }

    @Test
    void plaintextsAreOneTo4096BytesAndNeverQuotedInErrors() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId())
                        .plaintext(SdkBytes.fromByteArray(new byte[4097])).build()), "ValidationException",
                "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
        assertAwsError(() -> cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId())
                        .plaintext(SdkBytes.fromByteArray(new byte[0])).build()), "ValidationException",
                "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId())
                .plaintext(SdkBytes.fromByteArray(new byte[4096])).build()).ciphertextBlob().asByteArrayUnsafe()).hasSizeLessThan(6144);
    }

    @Test
    void dryRunAnswersWhenTheCallWouldSucceedAndDoesNothing() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT).dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of()).ciphertextBlob();
        assertAwsErrorCode(() -> cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).dryRun(true).build()),
                "DryRunOperationException");
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());
        assertAwsErrorCode(() -> cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT).dryRun(true).build()),
                "DisabledException");
    }

    @Test
    void ciphertextsMadeWithAnEarlierMaterialStillDecryptAfterANewOneBecomesCurrent() {
        KeyMetadata key = symmetricKey();
        SdkBytes before = encrypt(key.keyId(), Map.of("v", "1")).ciphertextBlob();
        KmsScope scope = KmsScope.of(kit.caller());
        String newMaterialId = kit.store.write(tx -> {
            KmsKey stored = kit.core.records().findKey(tx, scope, key.keyId()).orElseThrow();
            KeyMaterial rotated = kit.core.materials().generate(key.keyId(), stored.spec());
            kit.core.records().putMaterial(tx, scope, rotated);
            kit.core.records().putKey(tx, stored.with(stored.record().withCurrentMaterial(rotated.materialId())));
            return rotated.materialId();
        });

        DecryptResponse old = decrypt(before, Map.of("v", "1"));
        DecryptResponse fresh = decrypt(encrypt(key.keyId(), Map.of()).ciphertextBlob(), Map.of());

        assertThat(old.plaintext()).isEqualTo(PLAINTEXT);
        assertThat(old.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertThat(fresh.keyMaterialId()).isEqualTo(newMaterialId).isNotEqualTo(key.currentKeyMaterialId());
    }

    @Test
    void aReplicaOfAMultiRegionKeyDecryptsInItsRegionWhatThePrimaryEncrypted() {
        KeyMetadata primary = creation.createKey(kit.caller(), CreateKeyRequest.builder().multiRegion(true).build()).keyMetadata();
        SdkBytes ciphertext = encrypt(primary.keyId(), Map.of("app", "x")).ciphertextBlob();
        // What replication will do: the same key id and materials in the replica's region.
        KmsScope home = KmsScope.of(kit.caller());
        KmsScope replicaScope = home.inRegion(KmsTestKit.OTHER_REGION);
        kit.store.write(tx -> {
            KmsKey key = kit.core.records().findKey(tx, home, primary.keyId()).orElseThrow();
            KeyMaterial material = kit.core.records().currentMaterial(tx, key);
            kit.core.records().putKey(tx, new KmsKey(replicaScope, key.record().withMultiRegion(
                    new KeyRecord.MultiRegion("us-east-1", List.of(KmsTestKit.OTHER_REGION.name())))));
            kit.core.records().putMaterial(tx, replicaScope, material);
            return null;
        });

        DecryptResponse decrypted = cryptography.decrypt(kit.caller(KmsTestKit.ACCOUNT, KmsTestKit.OTHER_REGION),
                DecryptRequest.builder().ciphertextBlob(ciphertext).encryptionContext(Map.of("app", "x")).build());

        assertThat(decrypted.plaintext()).isEqualTo(PLAINTEXT);
        assertThat(decrypted.keyId()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/" + primary.keyId());
    }

    @Test
    void anotherAccountsCiphertextIsAuthorizedOnItsKeyBeforeAnythingIsLookedUp() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId(), Map.of()).ciphertextBlob();

        assertAwsErrorCode(() -> cryptography.decrypt(kit.caller(KmsTestKit.OTHER_ACCOUNT, KmsTestKit.REGION),
                DecryptRequest.builder().ciphertextBlob(ciphertext).build()), "AccessDeniedException");
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048,RSAES_OAEP_SHA_1,214", "RSA_2048,RSAES_OAEP_SHA_256,190", "RSA_3072,RSAES_OAEP_SHA_256,318",
            "RSA_4096,RSAES_OAEP_SHA_1,470"})
    void rsaPlaintextLimitsAreAwsLimits(String spec, String algorithm, int max) {
        KeyMetadata key = createKey(spec, "ENCRYPT_DECRYPT");
        EncryptRequest.Builder request = EncryptRequest.builder().keyId(key.keyId()).encryptionAlgorithm(algorithm);

        cryptography.encrypt(kit.caller(), request.plaintext(SdkBytes.fromByteArray(new byte[max])).build());
        assertAwsError(() -> cryptography.encrypt(kit.caller(), request.plaintext(SdkBytes.fromByteArray(new byte[max + 1])).build()),
                "ValidationException", "Algorithm " + algorithm + " and key spec " + spec + " cannot encrypt data larger than " + max + " bytes.");
    }

    @Test
    void rsaKeysNeedAnRsaAlgorithmAndTakeNoContext() {
        KeyMetadata key = createKey("RSA_2048", "ENCRYPT_DECRYPT");

        assertAwsError(() -> encrypt(key.keyId(), Map.of()), "InvalidKeyUsageException",
                "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.");
        assertAwsErrorCode(() -> cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").encryptionContext(Map.of("a", "b")).build()), "ValidationException");
        assertAwsError(() -> cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(symmetricKey().keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").build()), "InvalidKeyUsageException",
                "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.");
    }

    @Test
    void rsaOaepInteroperatesWithTheJdkBothWays() throws Exception {
        KeyMetadata key = createKey("RSA_3072", "ENCRYPT_DECRYPT");
        byte[] spki = publicKeys.getPublicKey(kit.caller(), GetPublicKeyRequest.builder().keyId(key.keyId()).build())
                .publicKey().asByteArray();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        OAEPParameterSpec sha256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, publicKey, sha256);
        byte[] byJdk = jdk.doFinal(PLAINTEXT.asByteArray());
        DecryptResponse decrypted = cryptography.decrypt(kit.caller(), DecryptRequest.builder().keyId(key.keyId())
                .ciphertextBlob(SdkBytes.fromByteArray(byJdk)).encryptionAlgorithm("RSAES_OAEP_SHA_256").build());
        assertThat(decrypted.plaintext()).isEqualTo(PLAINTEXT);
        assertThat(decrypted.keyMaterialId()).isNull();

        byte[] byKms = cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").build()).ciphertextBlob().asByteArray();
        assertThat(byKms).hasSize(3072 / 8);
        // Only the KMS key decrypts; the JDK can check the padding with the public key only by encrypting, so decrypt
        // again in KMS with the other OAEP hash to show the hash is part of the scheme.
        assertAwsError(() -> cryptography.decrypt(kit.caller(), DecryptRequest.builder().keyId(key.keyId())
                .ciphertextBlob(SdkBytes.fromByteArray(byKms)).encryptionAlgorithm("RSAES_OAEP_SHA_1").build()), "InvalidCiphertextException", null);
        assertAwsErrorCode(() -> cryptography.decrypt(kit.caller(), DecryptRequest.builder()
                .ciphertextBlob(SdkBytes.fromByteArray(byKms)).encryptionAlgorithm("RSAES_OAEP_SHA_256").build()), "ValidationException");
    }

    @Test
    void reEncryptMovesACiphertextToAnotherKeyAndContext() {
        KeyMetadata source = symmetricKey();
        KeyMetadata destination = symmetricKey();
        SdkBytes ciphertext = encrypt(source.keyId(), Map.of("stage", "one")).ciphertextBlob();

        ReEncryptResponse reEncrypted = cryptography.reEncrypt(kit.caller(), ReEncryptRequest.builder()
                .ciphertextBlob(ciphertext).sourceEncryptionContext(Map.of("stage", "one"))
                .destinationKeyId(destination.keyId()).destinationEncryptionContext(Map.of("stage", "two")).build());

        assertThat(reEncrypted.sourceKeyId()).isEqualTo(source.arn());
        assertThat(reEncrypted.keyId()).isEqualTo(destination.arn());
        assertThat(reEncrypted.sourceKeyMaterialId()).isEqualTo(source.currentKeyMaterialId());
        assertThat(reEncrypted.destinationKeyMaterialId()).isEqualTo(destination.currentKeyMaterialId());
        assertThat(reEncrypted.sourceEncryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(decrypt(reEncrypted.ciphertextBlob(), Map.of("stage", "two")).plaintext()).isEqualTo(PLAINTEXT);
        assertThat(kit.lastAuthorization("kms:ReEncryptFrom").resourceArn()).isEqualTo(source.arn());
        assertThat(kit.lastAuthorization("kms:ReEncryptTo").resourceArn()).isEqualTo(destination.arn());
    }

    @Test
    void reEncryptWithAnHmacSourceKeyIsAnIncorrectKey() {
        KeyMetadata source = symmetricKey();
        KeyMetadata hmac = createKey("HMAC_224", "GENERATE_VERIFY_MAC");
        SdkBytes ciphertext = encrypt(source.keyId(), Map.of()).ciphertextBlob();

        assertAwsError(() -> cryptography.reEncrypt(kit.caller(), ReEncryptRequest.builder().ciphertextBlob(ciphertext)
                        .sourceKeyId(hmac.keyId()).destinationKeyId(hmac.keyId()).build()),
                "IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    @Test
    void reEncryptBetweenRsaKeys() {
        KeyMetadata source = createKey("RSA_2048", "ENCRYPT_DECRYPT");
        KeyMetadata destination = createKey("RSA_2048", "ENCRYPT_DECRYPT");
        SdkBytes ciphertext = cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(source.keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").build()).ciphertextBlob();

        ReEncryptResponse reEncrypted = cryptography.reEncrypt(kit.caller(), ReEncryptRequest.builder().ciphertextBlob(ciphertext)
                .sourceKeyId(source.keyId()).sourceEncryptionAlgorithm("RSAES_OAEP_SHA_256")
                .destinationKeyId(destination.keyId()).destinationEncryptionAlgorithm("RSAES_OAEP_SHA_256").build());

        assertThat(reEncrypted.sourceKeyMaterialId()).isNull();
        assertThat(cryptography.decrypt(kit.caller(), DecryptRequest.builder().keyId(destination.keyId())
                .ciphertextBlob(reEncrypted.ciphertextBlob()).encryptionAlgorithm("RSAES_OAEP_SHA_256").build()).plaintext())
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void sm2KeysEncryptWithSm2pke() {
        KeyMetadata key = createKey("SM2", "ENCRYPT_DECRYPT");
        SdkBytes ciphertext = cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT)
                .encryptionAlgorithm("SM2PKE").build()).ciphertextBlob();

        assertThat(cryptography.decrypt(kit.caller(), DecryptRequest.builder().keyId(key.keyId()).ciphertextBlob(ciphertext)
                .encryptionAlgorithm("SM2PKE").build()).plaintext()).isEqualTo(PLAINTEXT);
    }

    @Test
    void encryptingThroughAPredefinedAwsAliasCreatesTheAwsManagedKey() {
        EncryptResponse encrypted = encrypt("alias/aws/secretsmanager", Map.of());

        assertThat(decrypt(encrypted.ciphertextBlob(), Map.of()).keyId()).isEqualTo(encrypted.keyId());
        assertThat(kit.lastConditions("kms:Encrypt")).containsEntry("kms:RequestAlias", List.of("alias/aws/secretsmanager"));
    }
}
