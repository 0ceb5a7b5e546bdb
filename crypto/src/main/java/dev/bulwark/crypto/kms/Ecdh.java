package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * KMS DeriveSharedSecret with KeyAgreementAlgorithm ECDH: the raw x-coordinate of d * Q, with
 * d the KMS key's private scalar and Q the peer's public point (cofactor 1 on every curve here,
 * so cofactor and plain ECDH agree). The peer key must be an SPKI on the same curve and a valid
 * point on it; both are checked, since an off-curve point would leak bits of d.
 */
public final class Ecdh {
    private Ecdh() {
    }

    /**
     * @param privateKey PKCS #8 DER of a KEY_AGREEMENT key of {@code spec}
     * @param peerPublicKey the peer's X.509 SubjectPublicKeyInfo DER
     * @throws InvalidInputException if the peer key is malformed or not on the same curve
     */
    public static SecretBytes deriveSharedSecret(KeySpec spec, SecretBytes privateKey, KeyAgreementAlgorithm algorithm,
                                                 byte[] peerPublicKey) {
        if (!algorithm.supports(spec)) {
            throw new UnsupportedAlgorithmException("The key agreement algorithm " + algorithm + " is not supported by key spec " + spec + ".");
        }
        PublicKey peer = Keys.publicKey(spec, peerPublicKey);
        PrivateKey own = Keys.privateKey(spec, privateKey);
        byte[] secret = null;
        try {
            KeyAgreement agreement = Jca.keyAgreement(spec);
            agreement.init(own);
            agreement.doPhase(peer, true);
            secret = agreement.generateSecret();
            return SecretBytes.copyOf(secret);
        } catch (InvalidKeyException e) {
            throw new InvalidInputException("The public key is not valid for key spec " + spec + ".");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH failed", e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
