package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.crypto.kms.MessageType;
import dev.bulwark.crypto.kms.Signer;
import dev.bulwark.crypto.kms.SigningAlgorithm;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * Sign and Verify with asymmetric SIGN_VERIFY keys, for every signing algorithm a key's spec
 * supports and MessageType RAW (the algorithm hashes the message) or DIGEST (the message is the
 * hash already, of the algorithm's exact length). The signatures are the standard encodings
 * (PKCS #1 v1.5, PSS with salt length = hash length, DER ECDSA and SM2, Ed25519), so anyone
 * holding the key from GetPublicKey verifies them offline.
 *
 * <p>Checks run in AWS's order: constraints, key and authorization (with {@code kms:SigningAlgorithm}
 * and {@code kms:MessageType}), state, usage, algorithm for the key spec, message type and
 * digest length, then DryRun. The key's material is read in the transaction; the signing itself
 * runs after it, so an RSA-4096 signature does not hold a store reader.
 *
 * <p>A signature that does not verify is KMSInvalidSignatureException, as in AWS: Verify never
 * answers {@code SignatureValid: false}.
 */
public final class Signatures {
    // The model's enum sets in model order: AWS's own order in these messages is not recorded.
    private static final List<String> SIGNING_ALGORITHMS = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
            "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
            "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA", "ML_DSA_SHAKE_256", "ED25519_SHA_512",
            "ED25519_PH_SHA_512");
    private static final List<String> MESSAGE_TYPES = List.of("RAW", "DIGEST", "EXTERNAL_MU");
    private static final int MAX_MESSAGE = 4096;
    private static final int MAX_SIGNATURE = 6144;

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;
    private final SecureRandom random;

    public Signatures(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
        this.random = core.random();
    }

    public SignResponse sign(Caller caller, SignRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("message", request.message())
                .sensitive("message", request.message(), 1, MAX_MESSAGE)
                .oneOf("messageType", request.messageTypeAsString(), MESSAGE_TYPES)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .required("signingAlgorithm", request.signingAlgorithmAsString())
                .oneOf("signingAlgorithm", request.signingAlgorithmAsString(), SIGNING_ALGORITHMS)
                .orThrow();
        byte[] message = request.message().asByteArrayUnsafe();
        Signing signing = transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, request.keyId(), "kms:Sign", conditions(request.signingAlgorithmAsString(),
                    request.messageTypeAsString())).key();
            Method method = check(key, request.signingAlgorithmAsString(), request.messageTypeAsString(), message, "Sign");
            if (Boolean.TRUE.equals(request.dryRun())) {
                throw KmsErrors.dryRun();
            }
            return new Signing(key, method, records.currentMaterial(tx, key));
        });
        byte[] signature = Signer.sign(signing.key().spec(), signing.material().secret(), signing.method().algorithm(),
                signing.method().type(), message, random);
        return SignResponse.builder()
                .keyId(signing.key().arn())
                .signature(SdkBytes.fromByteArrayUnsafe(signature))
                .signingAlgorithm(signing.method().algorithm().wireName())
                .build();
    }

    public VerifyResponse verify(Caller caller, VerifyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("message", request.message())
                .sensitive("message", request.message(), 1, MAX_MESSAGE)
                .oneOf("messageType", request.messageTypeAsString(), MESSAGE_TYPES)
                .required("signature", request.signature())
                .length("signature", request.signature(), 1, MAX_SIGNATURE)
                .required("signingAlgorithm", request.signingAlgorithmAsString())
                .oneOf("signingAlgorithm", request.signingAlgorithmAsString(), SIGNING_ALGORITHMS)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        byte[] message = request.message().asByteArrayUnsafe();
        Signing signing = transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, request.keyId(), "kms:Verify", conditions(request.signingAlgorithmAsString(),
                    request.messageTypeAsString())).key();
            Method method = check(key, request.signingAlgorithmAsString(), request.messageTypeAsString(), message, "Verify");
            if (Boolean.TRUE.equals(request.dryRun())) {
                throw KmsErrors.dryRun();
            }
            return new Signing(key, method, records.currentMaterial(tx, key));
        });
        boolean valid = Signer.verify(signing.key().spec(), signing.material().record().publicKey(), signing.method().algorithm(),
                signing.method().type(), message, request.signature().asByteArrayUnsafe());
        if (!valid) {
            throw KmsErrors.invalidSignature();
        }
        return VerifyResponse.builder()
                .keyId(signing.key().arn())
                .signatureValid(true)
                .signingAlgorithm(signing.method().algorithm().wireName())
                .build();
    }

    private static UnaryOperator<KmsConditions> conditions(String algorithm, String messageType) {
        return conditions -> conditions.put("kms:SigningAlgorithm", algorithm)
                .put("kms:MessageType", messageType == null ? MessageType.RAW.name() : messageType);
    }

    /** Everything that could stop {@code key} signing this message with this algorithm, short of signing. */
    private static Method check(KmsKey key, String algorithmName, String messageTypeName, byte[] message, String operation) {
        key.requireEnabled();
        key.requireUsage(KeyUsage.SIGN_VERIFY, operation);
        SigningAlgorithm algorithm = SigningAlgorithm.fromWireName(algorithmName)
                .filter(known -> known.supports(key.spec()))
                .orElseThrow(() -> KmsErrors.algorithmIncompatible(algorithmName, key.spec().wireName()));
        MessageType type = messageType(messageTypeName, algorithm);
        try {
            algorithm.checkMessage(type, message);
        } catch (InvalidInputException refused) {
            throw CommonErrors.validation(refused.getMessage());
        }
        return new Method(algorithm, type);
    }

    /** RAW by default; EXTERNAL_MU belongs to ML-DSA, which no Bulwark key spec offers. */
    private static MessageType messageType(String name, SigningAlgorithm algorithm) {
        if (name == null) {
            return MessageType.RAW;
        }
        if (name.equals("EXTERNAL_MU")) {
            throw CommonErrors.validation("The EXTERNAL_MU message type is not valid for signing algorithm "
                    + algorithm.wireName() + ".");
        }
        return MessageType.valueOf(name);
    }

    /** How to sign: an algorithm the key supports and a message type it accepts. */
    private record Method(SigningAlgorithm algorithm, MessageType type) {
    }

    /** A checked signing or verification: the key, how, and the key's material. */
    private record Signing(KmsKey key, Method method, KeyMaterial material) {
    }
}
