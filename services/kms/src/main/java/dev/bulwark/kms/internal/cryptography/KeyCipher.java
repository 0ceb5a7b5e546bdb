package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricCipher;
import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyResolver;
import dev.bulwark.kms.internal.KeyResolver.Accepts;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.ResolvedKey;
import dev.bulwark.kms.internal.cryptography.SymmetricCiphertext.Header;
import dev.bulwark.store.ReadTransaction;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Encryption and decryption under a KMS key, shared by Encrypt, Decrypt, ReEncrypt and the data
 * key operations. Symmetric keys use {@link SymmetricCiphertext}; RSA and SM2 keys the raw
 * RSAES-OAEP or SM2PKE ciphertext AWS returns, which names no key (so Decrypt needs the KeyId).
 *
 * <p>Decryption failures of every kind (not a ciphertext, another key's, altered, another
 * context) are one InvalidCiphertextException without a message; which check failed is not said.
 */
final class KeyCipher {
    private final KmsRecords records;
    private final KeyResolver resolver;
    private final KeyAccess access;
    private final SymmetricCiphertext symmetric;
    private final SecureRandom random;

    KeyCipher(KmsCore core) {
        this.records = core.records();
        this.resolver = core.resolver();
        this.access = core.access();
        this.symmetric = new SymmetricCiphertext(core.random());
        this.random = core.random();
    }

    /** A ciphertext and how it was made. */
    record Sealed(byte[] ciphertext, EncryptionAlgorithm algorithm, Optional<String> materialId) {
    }

    /** A plaintext, the key and material that opened it and the algorithm used. */
    record Opened(KmsKey key, SecretBytes plaintext, EncryptionAlgorithm algorithm, Optional<String> materialId) {
    }

    /**
     * Checks everything that could stop {@code key} encrypting (usage, algorithm, context, length)
     * without encrypting, so DryRun can answer before any work.
     */
    static void checkEncryption(KmsKey key, EncryptionAlgorithm algorithm, Map<String, String> context,
            int plaintextLength, String operation) {
        key.requireUsage(KeyUsage.ENCRYPT_DECRYPT, operation);
        if (!algorithm.supports(key.spec())) {
            throw KmsErrors.algorithmIncompatible(algorithm.wireName(), key.spec().wireName());
        }
        if (algorithm != EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
            if (context != null && !context.isEmpty()) {
                throw CommonErrors.validation("EncryptionContext is not supported with asymmetric KMS keys.");
            }
            int max = algorithm.maxPlaintextLength(key.spec());
            if (plaintextLength > max) {
                throw CommonErrors.validation("Algorithm " + algorithm.wireName() + " and key spec " + key.spec().wireName()
                        + " cannot encrypt data larger than " + max + " bytes.");
            }
        }
    }

    /**
     * Data keys and data key pairs are encrypted under symmetric encryption keys only; an
     * asymmetric ENCRYPT_DECRYPT key is the wrong spec, any other key the wrong usage.
     */
    static void requireSymmetricEncryptionKey(KmsKey key, String operation) {
        key.requireUsage(KeyUsage.ENCRYPT_DECRYPT, operation);
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.invalidKeyUsage(KmsErrors.wrongKeySpecMessage(key.arn(), key.spec().wireName(), operation));
        }
    }

    /** Encrypts with the key's current material; {@link #checkEncryption} has passed. */
    Sealed encrypt(ReadTransaction tx, KmsKey key, EncryptionAlgorithm algorithm, SecretBytes plaintext,
            Map<String, String> context) {
        KeyMaterial material = records.currentMaterial(tx, key);
        byte[] raw = plaintext.toByteArray(InsecureSecretAccess.get());
        try {
            if (algorithm == EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
                return new Sealed(symmetric.seal(key.scope().account(), material, raw, context), algorithm,
                        Optional.of(material.materialId()));
            }
            return new Sealed(AsymmetricCipher.encrypt(key.spec(), material.record().publicKey(), algorithm, raw, random),
                    algorithm, Optional.empty());
        } catch (InvalidInputException rejected) {
            throw CommonErrors.validation(rejected.getMessage());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Decrypts a ciphertext for Decrypt ({@code kms:Decrypt}) or ReEncrypt's source
     * ({@code kms:ReEncryptFrom}).
     *
     * <p>With an asymmetric algorithm the KeyId is required and names the key. With
     * SYMMETRIC_DEFAULT the ciphertext names its key; a KeyId, when given, must name the same key,
     * else IncorrectKeyException (also when it names a key that cannot decrypt at all, such as an
     * HMAC key, as AWS answers).
     */
    Opened decrypt(ReadTransaction tx, Caller caller, byte[] ciphertext, Optional<String> keyId,
            EncryptionAlgorithm algorithm, Map<String, String> context, String action, String operation) {
        Optional<ResolvedKey> named = keyId.map(id -> resolver.resolve(tx, caller, id, Accepts.KEYS_AND_ALIASES, action));
        if (algorithm != EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
            ResolvedKey resolved = named.orElseThrow(() -> CommonErrors.validation(
                    "KeyId is required when the EncryptionAlgorithm is " + algorithm.wireName() + "."));
            authorize(tx, caller, resolved, action, algorithm, context);
            return decryptAsymmetric(tx, resolved.key(), ciphertext, algorithm, context, operation);
        }
        return decryptSymmetric(tx, caller, ciphertext, named, context, action);
    }

    private Opened decryptSymmetric(ReadTransaction tx, Caller caller, byte[] ciphertext, Optional<ResolvedKey> named,
            Map<String, String> context, String action) {
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.SYMMETRIC_DEFAULT;
        named.ifPresent(resolved -> {
            authorize(tx, caller, resolved, action, algorithm, context);
            if (resolved.key().usage() != KeyUsage.ENCRYPT_DECRYPT) {
                throw KmsErrors.incorrectKey();
            }
            if (resolved.key().spec() != KeySpec.SYMMETRIC_DEFAULT) {
                throw KmsErrors.algorithmIncompatible(algorithm.wireName(), resolved.key().spec().wireName());
            }
        });
        Header header = SymmetricCiphertext.readHeader(ciphertext).orElseThrow(KmsErrors::invalidCiphertext);
        KmsKey key;
        if (named.isPresent()) {
            key = named.get().key();
            if (!key.keyId().equals(header.keyId()) || !key.scope().account().equals(header.account())) {
                throw KmsErrors.incorrectKey();
            }
        } else {
            key = keyNamedBy(tx, caller, header, action);
            authorize(tx, caller, new ResolvedKey(key, Optional.empty()), action, algorithm, context);
        }
        key.requireEnabled();
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.invalidCiphertext();
        }
        KeyMaterial material = records.materialOf(tx, key, header.materialId()).orElseThrow(KmsErrors::invalidCiphertext);
        byte[] plaintext = symmetric.open(ciphertext, header, material, context).orElseThrow(KmsErrors::invalidCiphertext);
        try {
            return new Opened(key, SecretBytes.copyOf(plaintext), algorithm, Optional.of(material.materialId()));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private Opened decryptAsymmetric(ReadTransaction tx, KmsKey key, byte[] ciphertext, EncryptionAlgorithm algorithm,
            Map<String, String> context, String operation) {
        key.requireEnabled();
        key.requireUsage(KeyUsage.ENCRYPT_DECRYPT, operation);
        if (!algorithm.supports(key.spec())) {
            throw KmsErrors.algorithmIncompatible(algorithm.wireName(), key.spec().wireName());
        }
        if (context != null && !context.isEmpty()) {
            throw CommonErrors.validation("EncryptionContext is not supported with asymmetric KMS keys.");
        }
        KeyMaterial material = records.currentMaterial(tx, key);
        try {
            return new Opened(key, AsymmetricCipher.decrypt(key.spec(), material.secret(), algorithm, ciphertext),
                    algorithm, Optional.empty());
        } catch (DecryptionFailedException | InvalidInputException notOurs) {
            throw KmsErrors.invalidCiphertext();
        }
    }

    /**
     * The key a symmetric ciphertext names, in the caller's region. A ciphertext of another account
     * is looked up there only after the caller is authorized on that key; one that names no key is
     * not a valid ciphertext.
     */
    private KmsKey keyNamedBy(ReadTransaction tx, Caller caller, Header header, String action) {
        KmsScope scope = new KmsScope(header.account(), caller.region());
        return resolver.requireKey(tx, caller, scope, header.keyId(), action, KmsErrors::invalidCiphertext);
    }

    private void authorize(ReadTransaction tx, Caller caller, ResolvedKey resolved, String action,
            EncryptionAlgorithm algorithm, Map<String, String> context) {
        access.authorize(tx, caller, action, resolved.key(),
                KmsConditions.of(caller, resolved).encryptionAlgorithm(algorithm).encryptionContext(context));
    }
}
