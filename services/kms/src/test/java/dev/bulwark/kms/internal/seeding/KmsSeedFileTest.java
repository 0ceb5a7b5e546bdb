package dev.bulwark.kms.internal.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.kms.KmsSeedException;
import dev.bulwark.kms.KmsSeedFile;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.cryptography.Macs;
import dev.bulwark.kms.internal.cryptography.PublicKeys;
import dev.bulwark.kms.internal.cryptography.Signatures;
import dev.bulwark.kms.internal.aliases.Aliases;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.SignRequest;

class KmsSeedFileTest {
    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final byte[] AES_MATERIAL = fixedBytes(32, 3);
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("seeded");

    @TempDir
    Path folder;

    private final KmsTestKit kit = new KmsTestKit();

    private Path seedFile(String json) throws IOException {
        Path file = folder.resolve("kms-seed-" + System.nanoTime() + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private KmsSeedFile.Applied seed(KmsTestKit into, String json) throws IOException {
        return KmsSeedFile.read(seedFile(json), KmsTestKit.ACCOUNT, KmsTestKit.REGION).applyTo(into.store, into.clock, into.random);
    }

    private static String symmetricEntry(byte[] material) {
        return """
                [ { "keyId": "%s", "material": "%s", "aliases": ["alias/seeded"], "description": "fixed test key" } ]
                """.formatted(KEY_ID, Base64.getEncoder().encodeToString(material));
    }

    private static KeyMetadata describe(KmsTestKit kit, String keyId) {
        return new KeyLifecycle(kit.core).describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    @Test
    void aSeededKeyHasTheChosenIdAliasDescriptionAndIsEnabled() throws IOException {
        KmsSeedFile.Applied applied = seed(kit, symmetricEntry(AES_MATERIAL));

        KeyMetadata key = describe(kit, "alias/seeded");
        assertThat(applied).isEqualTo(new KmsSeedFile.Applied(1, 0));
        assertThat(key.keyId()).isEqualTo(KEY_ID);
        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID);
        assertThat(key.description()).isEqualTo("fixed test key");
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(new Aliases(kit.core).listAliases(kit.caller(), ListAliasesRequest.builder().keyId(KEY_ID).build()).aliases())
                .extracting(alias -> alias.aliasName()).containsExactly("alias/seeded");
    }

    @Test
    void twoStoresSeededFromOneFileDecryptEachOthersCiphertexts() throws IOException {
        KmsTestKit other = new KmsTestKit();
        seed(kit, symmetricEntry(AES_MATERIAL));
        seed(other, symmetricEntry(AES_MATERIAL));

        SdkBytes ciphertext = new Cryptography(kit.core).encrypt(kit.caller(), EncryptRequest.builder().keyId(KEY_ID)
                .plaintext(PLAINTEXT).encryptionContext(Map.of("k", "v")).build()).ciphertextBlob();

        assertThat(new Cryptography(other.core).decrypt(other.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext)
                .encryptionContext(Map.of("k", "v")).build()).plaintext()).isEqualTo(PLAINTEXT);
        assertThat(describe(other, KEY_ID).currentKeyMaterialId()).isEqualTo(describe(kit, KEY_ID).currentKeyMaterialId());
    }

    @Test
    void applyingAgainChangesNothingEvenAfterTheKeyWasChangedThroughTheApi() throws IOException {
        seed(kit, symmetricEntry(AES_MATERIAL));
        new KeyLifecycle(kit.core).disableKey(kit.caller(), DisableKeyRequest.builder().keyId(KEY_ID).build());

        KmsSeedFile.Applied again = seed(kit, symmetricEntry(AES_MATERIAL));

        assertThat(again).isEqualTo(new KmsSeedFile.Applied(0, 1));
        assertThat(describe(kit, KEY_ID).keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void aKeyThatExistsWithOtherMaterialStopsTheWholeSeeding() throws IOException {
        seed(kit, symmetricEntry(AES_MATERIAL));
        byte[] otherMaterial = AES_MATERIAL.clone();
        otherMaterial[0] ^= 1;
        String conflicting = """
                [ { "keyId": "0000abcd-12ab-34cd-56ef-1234567890ab" },
                  { "keyId": "%s", "material": "%s" } ]
                """.formatted(KEY_ID, Base64.getEncoder().encodeToString(otherMaterial));

        assertThatThrownBy(() -> seed(kit, conflicting))
                .isInstanceOf(KmsSeedException.class)
                .hasMessageEndingWith(": entry 2 (key " + KEY_ID + "): arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID
                        + " exists with other key material")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(otherMaterial));
        assertThatThrownBy(() -> describe(kit, "0000abcd-12ab-34cd-56ef-1234567890ab"))
                .as("all or nothing").hasMessageContaining("does not exist");
    }

    @Test
    void aKeyThatExistsWithAnotherSpecOrAnAliasTakenAreConflicts() throws IOException {
        seed(kit, symmetricEntry(AES_MATERIAL));

        assertThatThrownBy(() -> seed(kit, """
                [ { "keyId": "%s", "keySpec": "HMAC_256", "keyUsage": "GENERATE_VERIFY_MAC" } ]""".formatted(KEY_ID)))
                .isInstanceOf(KmsSeedException.class)
                .hasMessageEndingWith("exists as a SYMMETRIC_DEFAULT ENCRYPT_DECRYPT key, not HMAC_256 GENERATE_VERIFY_MAC");
        assertThatThrownBy(() -> seed(kit, """
                [ { "keyId": "0000abcd-12ab-34cd-56ef-1234567890ab", "aliases": ["alias/seeded"] } ]"""))
                .isInstanceOf(KmsSeedException.class)
                .hasMessageEndingWith("alias alias/seeded already names key " + KEY_ID);
    }

    @Test
    void anAsymmetricKeySignsWithTheChosenPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair local = generator.generateKeyPair();
        seed(kit, """
                [ { "account": "111122223333", "region": "us-east-1", "keyId": "%s", "keySpec": "ECC_NIST_P256",
                    "keyUsage": "SIGN_VERIFY", "privateKeyPkcs8": "%s" } ]
                """.formatted(KEY_ID, Base64.getEncoder().encodeToString(local.getPrivate().getEncoded())));

        byte[] signature = new Signatures(kit.core).sign(kit.caller(), SignRequest.builder().keyId(KEY_ID)
                .signingAlgorithm("ECDSA_SHA_256").message(PLAINTEXT).build()).signature().asByteArray();

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(local.getPublic());
        verifier.update(PLAINTEXT.asByteArray());
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(new PublicKeys(kit.core).getPublicKey(kit.caller(), GetPublicKeyRequest.builder().keyId(KEY_ID).build())
                .publicKey().asByteArray()).isEqualTo(local.getPublic().getEncoded());
    }

    @Test
    void anHmacKeyMacsWithTheChosenMaterial() throws Exception {
        byte[] material = fixedBytes(40, 11);
        seed(kit, """
                [ { "keyId": "%s", "keySpec": "HMAC_256", "keyUsage": "GENERATE_VERIFY_MAC", "material": "%s" } ]
                """.formatted(KEY_ID, Base64.getEncoder().encodeToString(material)));

        byte[] mac = new Macs(kit.core).generateMac(kit.caller(), GenerateMacRequest.builder().keyId(KEY_ID)
                .macAlgorithm("HMAC_SHA_256").message(PLAINTEXT).build()).mac().asByteArray();

        Mac local = Mac.getInstance("HmacSHA256");
        local.init(new SecretKeySpec(material, "HmacSHA256"));
        assertThat(mac).isEqualTo(local.doFinal(PLAINTEXT.asByteArray()));
    }

    @Test
    void entriesAreCheckedWithMessagesThatNameTheEntryAndNeverTheMaterial() throws IOException {
        String material = Base64.getEncoder().encodeToString(AES_MATERIAL);
        Map<String, String> problems = Map.of(
                "[ { \"keyId\": \"%s\", \"material\": \"%s\", \"colour\": \"red\" } ]".formatted(KEY_ID, material),
                "unknown field 'colour'",
                "[ { \"material\": \"%s\" } ]".formatted(material), "entry 1: keyId must be a key id",
                "[ { \"keyId\": \"%s\", \"material\": \"%s\" } ]".formatted(KEY_ID, material.substring(4)),
                "entry 1 (key " + KEY_ID + "): material of a SYMMETRIC_DEFAULT key is 32 bytes, not 29",
                "[ { \"keyId\": \"%s\", \"material\": \"%s!\" } ]".formatted(KEY_ID, material), "material is not base64",
                "[ { \"keyId\": \"%s\", \"privateKeyPkcs8\": \"%s\" } ]".formatted(KEY_ID, material),
                "privateKeyPkcs8 is for asymmetric keys",
                "[ { \"keyId\": \"%s\", \"keySpec\": \"RSA_2048\", \"keyUsage\": \"SIGN_VERIFY\", \"privateKeyPkcs8\": \"%s\" } ]"
                        .formatted(KEY_ID, material), "privateKeyPkcs8 is not a RSA_2048 private key",
                "[ { \"keyId\": \"%s\", \"keySpec\": \"ECC_NIST_P256\" } ]".formatted(KEY_ID), "keyUsage is required for keySpec ECC_NIST_P256",
                "[ { \"keyId\": \"%s\", \"keyUsage\": \"SIGN_VERIFY\" } ]".formatted(KEY_ID),
                "keyUsage SIGN_VERIFY is not compatible with keySpec SYMMETRIC_DEFAULT",
                "[ { \"keyId\": \"%s\", \"aliases\": [\"alias/aws/ssm\"] } ]".formatted(KEY_ID), "alias 'alias/aws/ssm' is not one",
                "[ { \"keyId\": \"%s\" }, { \"keyId\": \"%s\", \"region\": \"eu-west-1\" } ]".formatted(KEY_ID, KEY_ID),
                "entry 2 (key " + KEY_ID + "): the key id appears twice in account 111122223333");
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            assertThatThrownBy(() -> seed(kit, problem.getKey()))
                    .as(problem.getValue())
                    .isInstanceOf(KmsSeedException.class)
                    .hasMessageContaining(problem.getValue())
                    .hasMessageNotContaining(material.substring(4, 20));
        }
        assertThatThrownBy(() -> seed(kit, "[ { \"keyId\": \"" + material)).isInstanceOf(KmsSeedException.class)
                .hasMessageContaining("not a JSON list of keys at line 1").hasMessageNotContaining(material.substring(4, 20));
        assertThatThrownBy(() -> KmsSeedFile.read(folder.resolve("missing.json"), AccountId.of("111122223333"), Region.US_EAST_1))
                .isInstanceOf(KmsSeedException.class).hasMessageContaining("cannot be read (NoSuchFileException)");
    }

    /** Key material a test chooses, as a seed file would give it. */
    private static byte[] fixedBytes(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + 7 * i);
        }
        return bytes;
    }
}
