package dev.bulwark.testing.kms;

import dev.bulwark.crypto.AesKeyWrapPad;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Wraps key material for ImportKeyMaterial as a client does, with the JDK and GetParametersForImport's
 * public key only: RSA-OAEP of the material (RSAES_OAEP_SHA_*), or RSA-OAEP of an ephemeral AES-256
 * key followed by AES-KWP of the material under it (RSA_AES_KEY_WRAP_SHA_*).
 */
final class ImportWrapping {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImportWrapping() {
    }

    static byte[] wrap(String wrappingAlgorithm, byte[] publicKeySpki, byte[] material) throws GeneralSecurityException {
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeySpki));
        String hash = wrappingAlgorithm.endsWith("SHA_1") ? "SHA-1" : "SHA-256";
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
        if (wrappingAlgorithm.startsWith("RSAES_OAEP")) {
            return rsa.doFinal(material);
        }
        SecretBytes ephemeralKey = SecretBytes.random(32, RANDOM);
        byte[] wrappedKey = rsa.doFinal(ephemeralKey.toByteArray(InsecureSecretAccess.get()));
        byte[] wrappedMaterial = AesKeyWrapPad.wrap(ephemeralKey, SecretBytes.copyOf(material));
        byte[] blob = Arrays.copyOf(wrappedKey, wrappedKey.length + wrappedMaterial.length);
        System.arraycopy(wrappedMaterial, 0, blob, wrappedKey.length, wrappedMaterial.length);
        return blob;
    }

    static byte[] randomMaterial(int length) {
        byte[] material = new byte[length];
        RANDOM.nextBytes(material);
        return material;
    }
}
