package dev.bulwark.kms.internal.imports;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.InvalidKeyMaterialException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.KeyPairs;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What imported key material must be for each key spec, as AWS requires it, and the id it gets.
 *
 * <ul>
 *   <li>SYMMETRIC_DEFAULT: 256 bits (32 bytes).</li>
 *   <li>HMAC keys: 28 to 64 bytes (HMAC_224), 32 to 64 (HMAC_256), 48 to 128 (HMAC_384), 64 to
 *       128 (HMAC_512).</li>
 *   <li>Asymmetric keys: a PKCS #8 private key of the key's spec; its public key is derived.</li>
 * </ul>
 *
 * <p>The material id is derived from the key id and the material, as AWS's is, so that importing
 * the same material again into the same key yields the same id (that is how a re-import is
 * recognised, and how a replica of a multi-Region key matches its primary's material). For secret
 * material it is HMAC-SHA256 keyed with the material over the key id: a pseudorandom value that
 * says nothing about the material. For a key pair it is a SHA-256 over the key id and the public
 * key, since the same private key can be encoded in more than one way.
 */
final class ImportedMaterials {
    private static final String ID_CONTEXT = "bulwark/kms/imported-key-material-id/v1/";
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<KeySpec, int[]> HMAC_LENGTHS = Map.of(
            KeySpec.HMAC_224, new int[] {28, 64},
            KeySpec.HMAC_256, new int[] {32, 64},
            KeySpec.HMAC_384, new int[] {48, 128},
            KeySpec.HMAC_512, new int[] {64, 128});

    private ImportedMaterials() {
    }

    /** Unwrapped material, checked for the key's spec, with its id and (for key pairs) its public key. */
    record Checked(String materialId, SecretBytes secret, byte[] publicKey) {
    }

    /** @throws dev.bulwark.core.AwsException IncorrectKeyMaterialException if the material does not fit the key */
    static Checked check(KmsKey key, SecretBytes material) {
        KeySpec spec = key.spec();
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            requireLength(material, 32, 32, "Key material for a SYMMETRIC_DEFAULT key must be 256 bits (32 bytes).");
            return new Checked(secretMaterialId(key.keyId(), material), material, null);
        }
        int[] hmac = HMAC_LENGTHS.get(spec);
        if (hmac != null) {
            requireLength(material, hmac[0], hmac[1], "Key material for a " + spec.wireName() + " key must be "
                    + hmac[0] + " to " + hmac[1] + " bytes long.");
            return new Checked(secretMaterialId(key.keyId(), material), material, null);
        }
        try {
            AsymmetricKeyPair pair = KeyPairs.fromPrivateKey(spec, material);
            return new Checked(sha256Hex(ID_CONTEXT + key.keyId() + "/", pair.publicKey()), pair.privateKey(), pair.publicKey());
        } catch (InvalidKeyMaterialException notThisSpec) {
            throw KmsErrors.incorrectKeyMaterial("Key material for a " + spec.wireName()
                    + " key must be a DER-encoded PKCS #8 private key of that key spec.");
        }
    }

    private static void requireLength(SecretBytes material, int min, int max, String message) {
        if (material.size() < min || material.size() > max) {
            throw KmsErrors.incorrectKeyMaterial(message);
        }
    }

    private static String secretMaterialId(String keyId, SecretBytes material) {
        byte[] raw = material.toByteArray(InsecureSecretAccess.get());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal((ID_CONTEXT + keyId).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static String sha256Hex(String context, byte[] publicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(context.getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(digest.digest(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }
}
