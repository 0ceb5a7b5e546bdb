package dev.bulwark.kms.testing;

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
 * Wraps key material for ImportKeyMaterial the way a client does, from GetParametersForImport's
 * public key alone and with the JDK: RSA-OAEP of the material, or (RSA_AES_KEY_WRAP) RSA-OAEP of a
 * fresh AES-256 key followed by AES-KWP of the material under it.
 */
public final class ImportWrapping {
    private ImportWrapping() {
    }

    public static byte[] wrap(String wrappingAlgorithm, byte[] publicKeySpki, byte[] material, SecureRandom random) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeySpki));
            String hash = wrappingAlgorithm.endsWith("SHA_1") ? "SHA-1" : "SHA-256";
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey,
                    new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT), random);
            if (wrappingAlgorithm.startsWith("RSAES_OAEP")) {
                return rsa.doFinal(material);
            }
            SecretBytes aesKey = SecretBytes.random(32, random);
            byte[] wrappedAesKey = rsa.doFinal(aesKey.toByteArray(InsecureSecretAccess.get()));
            byte[] wrappedMaterial = AesKeyWrapPad.wrap(aesKey, SecretBytes.copyOf(material));
            byte[] blob = Arrays.copyOf(wrappedAesKey, wrappedAesKey.length + wrappedMaterial.length);
            System.arraycopy(wrappedMaterial, 0, blob, wrappedAesKey.length, wrappedMaterial.length);
            return blob;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
