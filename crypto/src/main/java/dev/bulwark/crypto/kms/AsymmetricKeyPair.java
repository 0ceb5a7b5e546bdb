package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.SecretBytes;
import java.util.Objects;

/**
 * A key pair as KMS hands it out: the private key as PKCS #8 DER (GenerateDataKeyPair's
 * {@code PrivateKeyPlaintext}), the public key as X.509 SubjectPublicKeyInfo DER (GetPublicKey's
 * {@code PublicKey}).
 */
public final class AsymmetricKeyPair {
    private final KeySpec spec;
    private final SecretBytes privateKey;
    private final byte[] publicKey;

    public AsymmetricKeyPair(KeySpec spec, SecretBytes privateKey, byte[] publicKey) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    }

    /**
     * The pair a PKCS #8 private key belongs to, its public half derived from it: for key material
     * chosen outside Bulwark (seeded keys, imported key pairs).
     *
     * @throws dev.bulwark.crypto.InvalidKeyMaterialException if {@code privateKey} is not a PKCS #8
     *         key of {@code spec}
     */
    public static AsymmetricKeyPair fromPrivateKey(KeySpec spec, SecretBytes privateKey) {
        return new AsymmetricKeyPair(spec, privateKey, PublicKeyDerivation.publicKeyOf(spec, privateKey));
    }

    public KeySpec spec() {
        return spec;
    }

    /** PKCS #8 DER. */
    public SecretBytes privateKey() {
        return privateKey;
    }

    /** X.509 SubjectPublicKeyInfo DER (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "AsymmetricKeyPair[" + spec + ", private key redacted]";
    }
}
