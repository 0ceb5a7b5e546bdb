package dev.bulwark.kms.internal.seeding;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.internal.KmsScope;
import java.util.List;
import java.util.Optional;

/**
 * One key of a seed file, checked: where it lives, its id, spec and usage, the material chosen
 * for it (absent: KMS generates it), its aliases and description.
 *
 * @param entry the entry's position in the file, from 1, for messages
 */
public record SeedKey(int entry, KmsScope scope, String keyId, KeySpec spec, KeyUsage usage,
        Optional<ChosenMaterial> material, List<String> aliases, String description) {

    public SeedKey {
        aliases = List.copyOf(aliases);
    }

    /**
     * Material given in the file: symmetric key bytes, or a PKCS #8 private key and its derived
     * public key (SubjectPublicKeyInfo).
     */
    public record ChosenMaterial(SecretBytes secret, byte[] publicKey) {
    }

    /** How messages name the entry: {@code entry 2 (key 1234abcd-...)}. */
    public String label() {
        return label(entry, keyId);
    }

    static String label(int entry, String keyId) {
        return "entry " + entry + " (key " + keyId + ")";
    }
}
