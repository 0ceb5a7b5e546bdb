package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA-OAEP with MGF1 over the same hash as the OAEP digest, as AWS KMS does it. The parameters
 * are always spelled out: the JDK's {@code OAEPWithSHA-256AndMGF1Padding} would quietly use
 * MGF1-SHA-1, and such ciphertexts do not interoperate with KMS.
 */
final class RsaOaep {
    private RsaOaep() {
    }

    static byte[] encrypt(KeySpec spec, byte[] publicKey, HashAlgorithm hash, byte[] plaintext, SecureRandom random) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, Keys.publicKey(spec, publicKey), parameters(hash), random);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP encryption failed", e);
        }
    }

    static SecretBytes decrypt(KeySpec spec, SecretBytes privateKey, HashAlgorithm hash, byte[] ciphertext) {
        Key key = Keys.privateKey(spec, privateKey);
        if (ciphertext.length != (((RSAKey) key).getModulus().bitLength() + 7) / 8) {
            throw new DecryptionFailedException();
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(hash));
            plain = cipher.doFinal(ciphertext);
            return SecretBytes.copyOf(plain);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new DecryptionFailedException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP decryption failed", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static OAEPParameterSpec parameters(HashAlgorithm hash) {
        return new OAEPParameterSpec(hash.jcaName, "MGF1", new MGF1ParameterSpec(hash.jcaName), PSource.PSpecified.DEFAULT);
    }
}
