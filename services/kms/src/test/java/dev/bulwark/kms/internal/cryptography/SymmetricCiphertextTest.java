package dev.bulwark.kms.internal.cryptography;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.cryptography.SymmetricCiphertext.Header;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymmetricCiphertextTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private final SecureRandom random = new SecureRandom();
    private final SymmetricCiphertext format = new SymmetricCiphertext(random);
    private final KeyMaterial material = material("aa".repeat(32));
    private final byte[] plaintext = "attack at dawn".getBytes(StandardCharsets.UTF_8);

    private KeyMaterial material(String materialId) {
        return new KeyMaterial(new KeyMaterialRecord(KEY_ID, materialId, Instant.EPOCH, KeyOrigin.AWS_KMS, null, null),
                SecretBytes.random(32, random));
    }

    @Test
    void theHeaderNamesAccountKeyAndMaterial() {
        byte[] blob = format.seal(ACCOUNT, material, plaintext, Map.of());

        Header header = SymmetricCiphertext.readHeader(blob).orElseThrow();

        assertThat(header.account()).isEqualTo(ACCOUNT);
        assertThat(header.keyId()).isEqualTo(KEY_ID);
        assertThat(header.materialId()).isEqualTo("aa".repeat(32));
        assertThat(blob[0]).as("version").isEqualTo((byte) 1);
        assertThat(blob.length).isEqualTo(header.encoded().length + 12 + plaintext.length + 16);
    }

    @Test
    void itOpensWithTheSameMaterialAndContextOnly() {
        Map<String, String> context = Map.of("purpose", "test", "department", "10");
        byte[] blob = format.seal(ACCOUNT, material, plaintext, context);
        Header header = SymmetricCiphertext.readHeader(blob).orElseThrow();

        assertThat(format.open(blob, header, material, Map.of("department", "10", "purpose", "test"))).hasValue(plaintext);
        assertThat(format.open(blob, header, material, Map.of())).isEmpty();
        assertThat(format.open(blob, header, material, Map.of("purpose", "test"))).isEmpty();
        assertThat(format.open(blob, header, material, Map.of("purpose", "test", "department", "11"))).isEmpty();
        assertThat(format.open(blob, header, material(material.materialId()), context)).as("other key bytes").isEmpty();
    }

    @Test
    void collidingNaiveContextsDoNotOpenEachOther() {
        byte[] blob = format.seal(ACCOUNT, material, plaintext, Map.of("a", "bc"));
        Header header = SymmetricCiphertext.readHeader(blob).orElseThrow();

        assertThat(format.open(blob, header, material, Map.of("ab", "c"))).isEmpty();
    }

    @Test
    void changingAnyByteFailsToOpen() {
        byte[] blob = format.seal(ACCOUNT, material, plaintext, Map.of());
        for (int i = 0; i < blob.length; i++) {
            byte[] tampered = blob.clone();
            tampered[i] ^= 0x01;
            var header = SymmetricCiphertext.readHeader(tampered);
            if (header.isPresent() && header.get().keyId().equals(KEY_ID) && header.get().account().equals(ACCOUNT)
                    && header.get().materialId().equals(material.materialId())) {
                assertThat(format.open(tampered, header.get(), material, Map.of())).as("byte " + i).isEmpty();
            }
        }
    }

    @Test
    void whatIsNotAVersionOneBlobHasNoHeader() {
        assertThat(SymmetricCiphertext.readHeader(new byte[0])).isEmpty();
        assertThat(SymmetricCiphertext.readHeader("not a ciphertext at all, just text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        byte[] blob = format.seal(ACCOUNT, material, plaintext, Map.of());
        assertThat(SymmetricCiphertext.readHeader(Arrays.copyOf(blob, 60))).isEmpty();
        blob[0] = 2;
        assertThat(SymmetricCiphertext.readHeader(blob)).isEmpty();
    }

    @Test
    void twoEncryptionsOfTheSamePlaintextDiffer() {
        assertThat(format.seal(ACCOUNT, material, plaintext, Map.of())).isNotEqualTo(format.seal(ACCOUNT, material, plaintext, Map.of()));
    }
}
