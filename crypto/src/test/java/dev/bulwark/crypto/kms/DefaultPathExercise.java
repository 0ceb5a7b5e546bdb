package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.SecretBytes;
import java.security.SecureRandom;

/**
 * The operations most keys use (symmetric keys, HMAC, the NIST curves, RSA, Ed25519), run by
 * {@link LazyBouncyCastleTest} in a class loader that cannot see Bouncy Castle.
 */
public final class DefaultPathExercise implements Runnable {
    @Override
    public void run() {
        SecureRandom random = new SecureRandom();
        SecretBytes hmacKey = KeyGenerator.generateSymmetric(KeySpec.HMAC_256, random);
        Hmac.verify(KeySpec.HMAC_256, hmacKey, MacAlgorithm.HMAC_SHA_256, new byte[3], Hmac.compute(KeySpec.HMAC_256, hmacKey, MacAlgorithm.HMAC_SHA_256, new byte[3]));

        AsymmetricKeyPair p256 = KeyGenerator.generateKeyPair(KeySpec.ECC_NIST_P256, random);
        byte[] signature = Signer.sign(KeySpec.ECC_NIST_P256, p256.privateKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.DIGEST, new byte[32], random);
        check(Signer.verify(KeySpec.ECC_NIST_P256, p256.publicKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.DIGEST, new byte[32], signature));
        Ecdh.deriveSharedSecret(KeySpec.ECC_NIST_P256, p256.privateKey(), KeyAgreementAlgorithm.ECDH, p256.publicKey());

        AsymmetricKeyPair ed = KeyGenerator.generateKeyPair(KeySpec.ECC_NIST_EDWARDS25519, random);
        check(Signer.verify(KeySpec.ECC_NIST_EDWARDS25519, ed.publicKey(), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, new byte[5],
                Signer.sign(KeySpec.ECC_NIST_EDWARDS25519, ed.privateKey(), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, new byte[5], random)));

        AsymmetricKeyPair rsa = KeyGenerator.generateKeyPair(KeySpec.RSA_2048, random);
        byte[] pss = Signer.sign(KeySpec.RSA_2048, rsa.privateKey(), SigningAlgorithm.RSASSA_PSS_SHA_256, MessageType.RAW, new byte[5], random);
        check(Signer.verify(KeySpec.RSA_2048, rsa.publicKey(), SigningAlgorithm.RSASSA_PSS_SHA_256, MessageType.RAW, new byte[5], pss));
        byte[] ciphertext = AsymmetricCipher.encrypt(KeySpec.RSA_2048, rsa.publicKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_256, new byte[5], random);
        AsymmetricCipher.decrypt(KeySpec.RSA_2048, rsa.privateKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_256, ciphertext);
    }

    private static void check(boolean valid) {
        if (!valid) {
            throw new AssertionError("signature did not verify");
        }
    }
}
