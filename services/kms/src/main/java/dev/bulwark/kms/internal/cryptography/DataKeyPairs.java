package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.crypto.kms.KeyGenerator;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.cryptography.KeyCipher.Sealed;
import dev.bulwark.store.ReadTransaction;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext: a fresh key pair of the requested
 * KeyPairSpec (RSA 2048–4096, NIST P-256/384/521, secp256k1, SM2, Ed25519) whose public key
 * (DER SubjectPublicKeyInfo) is returned as is and whose private key (DER PKCS #8) is encrypted
 * under a symmetric encryption KMS key exactly as Encrypt would encrypt it, with the encryption
 * context bound. Decrypt of {@code PrivateKeyCiphertextBlob} with the same context therefore
 * returns the private key, as in AWS.
 *
 * <p>The key is checked twice: once before the pair is generated, so an unauthorized or DryRun
 * request costs no key generation, and again when the private key is encrypted. Generation runs
 * between the two transactions, outside both, since an RSA-4096 pair takes up to seconds and
 * must not hold a store reader meanwhile.
 */
public final class DataKeyPairs {
    private static final List<String> KEY_PAIR_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
            "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519");

    private final KmsTransactions transactions;
    private final KeyAccess access;
    private final KeyCipher cipher;
    private final SecureRandom random;

    public DataKeyPairs(KmsCore core) {
        this.transactions = core.transactions();
        this.access = core.access();
        this.cipher = new KeyCipher(core);
        this.random = core.random();
    }

    public GenerateDataKeyPairResponse generateDataKeyPair(Caller caller, GenerateDataKeyPairRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("keyPairSpec", request.keyPairSpecAsString())
                .oneOf("keyPairSpec", request.keyPairSpecAsString(), KEY_PAIR_SPECS)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        Cryptography.refuseRecipient(request.recipient());
        DataKeyPair dataKeyPair = generate(caller, request.keyId(), "kms:GenerateDataKeyPair", "GenerateDataKeyPair",
                request.keyPairSpecAsString(), Cryptography.context(request.hasEncryptionContext(), request.encryptionContext()),
                request.dryRun());
        AsymmetricKeyPair pair = dataKeyPair.pair();
        try {
            GenerateDataKeyPairResponse.Builder response = GenerateDataKeyPairResponse.builder()
                    .privateKeyCiphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKeyPair.sealed().ciphertext()))
                    .privateKeyPlaintext(SdkBytes.fromByteArrayUnsafe(pair.privateKey().toByteArray(InsecureSecretAccess.get())))
                    .publicKey(SdkBytes.fromByteArrayUnsafe(pair.publicKey()))
                    .keyId(dataKeyPair.key().arn())
                    .keyPairSpec(pair.spec().wireName());
            dataKeyPair.sealed().materialId().ifPresent(response::keyMaterialId);
            return response.build();
        } finally {
            pair.privateKey().destroy();
        }
    }

    public GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(Caller caller,
            GenerateDataKeyPairWithoutPlaintextRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("keyPairSpec", request.keyPairSpecAsString())
                .oneOf("keyPairSpec", request.keyPairSpecAsString(), KEY_PAIR_SPECS)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        DataKeyPair dataKeyPair = generate(caller, request.keyId(), "kms:GenerateDataKeyPairWithoutPlaintext",
                "GenerateDataKeyPairWithoutPlaintext", request.keyPairSpecAsString(),
                Cryptography.context(request.hasEncryptionContext(), request.encryptionContext()), request.dryRun());
        AsymmetricKeyPair pair = dataKeyPair.pair();
        pair.privateKey().destroy();
        GenerateDataKeyPairWithoutPlaintextResponse.Builder response = GenerateDataKeyPairWithoutPlaintextResponse.builder()
                .privateKeyCiphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKeyPair.sealed().ciphertext()))
                .publicKey(SdkBytes.fromByteArrayUnsafe(pair.publicKey()))
                .keyId(dataKeyPair.key().arn())
                .keyPairSpec(pair.spec().wireName());
        dataKeyPair.sealed().materialId().ifPresent(response::keyMaterialId);
        return response.build();
    }

    private DataKeyPair generate(Caller caller, String keyId, String action, String operation, String keyPairSpec,
            Map<String, String> context, Boolean dryRun) {
        KeySpec spec = KeySpec.fromWireName(keyPairSpec).orElseThrow();
        UnaryOperator<KmsConditions> conditions = request -> request.encryptionAlgorithm(EncryptionAlgorithm.SYMMETRIC_DEFAULT)
                .encryptionContext(context)
                .put("kms:DataKeyPairSpec", spec.wireName());
        transactions.read(tx -> {
            usableKey(tx, caller, keyId, action, operation, conditions);
            if (Boolean.TRUE.equals(dryRun)) {
                throw KmsErrors.dryRun();
            }
            return null;
        });
        AsymmetricKeyPair pair = KeyGenerator.generateKeyPair(spec, random);
        try {
            return transactions.read(tx -> {
                KmsKey key = usableKey(tx, caller, keyId, action, operation, conditions);
                Sealed sealed = cipher.encrypt(tx, key, EncryptionAlgorithm.SYMMETRIC_DEFAULT, pair.privateKey(), context);
                return new DataKeyPair(key, pair, sealed);
            });
        } catch (RuntimeException refused) {
            pair.privateKey().destroy();
            throw refused;
        }
    }

    private KmsKey usableKey(ReadTransaction tx, Caller caller, String keyId, String action, String operation,
            UnaryOperator<KmsConditions> conditions) {
        KmsKey key = access.forUse(tx, caller, keyId, action, conditions).key();
        key.requireEnabled();
        KeyCipher.requireSymmetricEncryptionKey(key, operation);
        return key;
    }

    private record DataKeyPair(KmsKey key, AsymmetricKeyPair pair, Sealed sealed) {
    }
}
