package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * KMS Sign and Verify.
 *
 * <p>RAW messages go through the JCA's usual hash-and-sign algorithms ({@code SHA256withECDSA},
 * {@code RSASSA-PSS}, ...). DIGEST messages skip the hash, which the JCA spells differently per
 * scheme: ECDSA signs the digest with {@code NONEwithECDSA}; PKCS #1 v1.5 signs the DER
 * {@code DigestInfo} around it with {@code NONEwithRSA}; PSS needs a signer that accepts the
 * digest, which the JDK has not, so Bouncy Castle's {@code NONEwithRSASSA-PSS} does it with the
 * same parameters. Either way the signature is the one the RAW path gives for the message whose
 * hash it is, and verifies with plain JDK code and the public key alone (see the tests).
 *
 * <p>PSS uses MGF1 with the signature's hash and a salt as long as the hash, as AWS does. ECDSA
 * and SM2 signatures are DER, as KMS returns them. Ed25519 keys follow AWS's pairing of
 * algorithms and message types (see {@link SigningAlgorithm#accepts}).
 */
public final class Signer {
    private Signer() {
    }

    /**
     * @param privateKey PKCS #8 DER of a key of {@code spec}
     * @throws UnsupportedAlgorithmException if the spec does not support the algorithm
     * @throws dev.bulwark.crypto.InvalidInputException for a wrong message type or digest length
     */
    public static byte[] sign(KeySpec spec, SecretBytes privateKey, SigningAlgorithm algorithm, MessageType type,
                              byte[] message, SecureRandom random) {
        checkSupported(spec, algorithm);
        algorithm.checkMessage(type, message);
        return signChecked(spec, privateKey, algorithm, type, message, random);
    }

    /**
     * Signing once the KMS input rules have been applied. Package-private so the RFC 8032
     * Ed25519ph vector, whose message is not 64 bytes long, can run through the same code.
     */
    static byte[] signChecked(KeySpec spec, SecretBytes privateKey, SigningAlgorithm algorithm, MessageType type,
                              byte[] message, SecureRandom random) {
        if (algorithm.scheme == SigningAlgorithm.Scheme.SM2DSA) {
            return Sm2.sign(privateKey, type, message, random);
        }
        PrivateKey key = Keys.privateKey(spec, privateKey);
        try {
            Signature signature = signature(spec, algorithm, type);
            signature.initSign(key, random);
            configure(signature, algorithm);
            signature.update(input(algorithm, type, message));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " signing failed", e);
        }
    }

    /**
     * @param publicKey X.509 SubjectPublicKeyInfo DER of a key of {@code spec}
     * @return whether the signature is valid; a malformed signature is simply not valid
     */
    public static boolean verify(KeySpec spec, byte[] publicKey, SigningAlgorithm algorithm, MessageType type,
                                 byte[] message, byte[] signature) {
        checkSupported(spec, algorithm);
        algorithm.checkMessage(type, message);
        if (algorithm.scheme == SigningAlgorithm.Scheme.SM2DSA) {
            return Sm2.verify(publicKey, type, message, signature);
        }
        PublicKey key = Keys.publicKey(spec, publicKey);
        try {
            Signature verifier = signature(spec, algorithm, type);
            verifier.initVerify(key);
            configure(verifier, algorithm);
            verifier.update(input(algorithm, type, message));
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " verification failed", e);
        }
    }

    private static void checkSupported(KeySpec spec, SigningAlgorithm algorithm) {
        if (!algorithm.supports(spec)) {
            throw new UnsupportedAlgorithmException("The signing algorithm " + algorithm + " is not supported by key spec " + spec + ".");
        }
    }

    private static Signature signature(KeySpec spec, SigningAlgorithm algorithm, MessageType type) {
        boolean raw = type == MessageType.RAW;
        String hash = algorithm.hash.signaturePrefix;
        return switch (algorithm.scheme) {
            case RSA_PKCS1 -> Jca.signature(spec, raw ? hash + "withRSA" : "NONEwithRSA");
            case RSA_PSS -> raw ? Jca.signature("RSASSA-PSS", false) : Jca.signature("NONEwithRSASSA-PSS", true);
            case ECDSA -> Jca.signature(spec, raw ? hash + "withECDSA" : "NONEwithECDSA");
            case ED25519, ED25519_PH -> Jca.signature(spec, "Ed25519");
            case SM2DSA -> throw new IllegalStateException("SM2DSA does not go through the JCA");
        };
    }

    /** Sets PSS and Ed25519ph parameters; done after init, which the JDK and Bouncy Castle both accept. */
    private static void configure(Signature signature, SigningAlgorithm algorithm) throws InvalidAlgorithmParameterException {
        switch (algorithm.scheme) {
            case RSA_PSS -> {
                String hash = algorithm.hash.jcaName;
                signature.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                        algorithm.hash.length, PSSParameterSpec.TRAILER_FIELD_BC));
            }
            case ED25519_PH -> signature.setParameter(new EdDSAParameterSpec(true));
            default -> {
            }
        }
    }

    private static byte[] input(SigningAlgorithm algorithm, MessageType type, byte[] message) {
        return algorithm.scheme == SigningAlgorithm.Scheme.RSA_PKCS1 && type == MessageType.DIGEST
                ? algorithm.hash.digestInfo(message)
                : message;
    }
}
