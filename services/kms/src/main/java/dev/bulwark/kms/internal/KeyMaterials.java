package dev.bulwark.kms.internal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.KeyGenerator;
import dev.bulwark.crypto.kms.KeySpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * New key ids and new key material, from the injected randomness. Symmetric and HMAC keys get
 * random bytes of their spec's size; asymmetric keys a fresh key pair whose private half (PKCS #8)
 * is the sealed secret and whose public half (SubjectPublicKeyInfo) goes in the document.
 */
public final class KeyMaterials {
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final SecureRandom random;

    public KeyMaterials(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A random (version 4) UUID, or for multi-Region keys {@code mrk-} and 32 hex digits. */
    public String newKeyId(boolean multiRegion) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        if (multiRegion) {
            return "mrk-" + HEX.formatHex(bytes);
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }

    /** A key material id: 64 hex digits, the form AWS's key material ids have. */
    public String newMaterialId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** Fresh material made by KMS (origin AWS_KMS) for a key of {@code spec}. */
    public KeyMaterial generate(String keyId, KeySpec spec) {
        String materialId = newMaterialId();
        if (spec.isSymmetric()) {
            SecretBytes secret = KeyGenerator.generateSymmetric(spec, random);
            return new KeyMaterial(new KeyMaterialRecord(keyId, materialId, clock.instant(), KeyOrigin.AWS_KMS, null, null), secret);
        }
        AsymmetricKeyPair pair = KeyGenerator.generateKeyPair(spec, random);
        return new KeyMaterial(
                new KeyMaterialRecord(keyId, materialId, clock.instant(), KeyOrigin.AWS_KMS, pair.publicKey(), null),
                pair.privateKey());
    }
}
