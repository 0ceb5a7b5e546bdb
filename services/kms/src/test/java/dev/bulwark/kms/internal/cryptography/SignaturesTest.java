package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

class SignaturesTest {
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("the message to sign");

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final PublicKeys publicKeys = new PublicKeys(kit.core);
    private final Signatures signatures = new Signatures(kit.core);

    private KeyMetadata signingKey(String spec) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec(spec).keyUsage("SIGN_VERIFY").build()).keyMetadata();
    }

    private SignResponse sign(String keyId, String algorithm, String messageType, SdkBytes message) {
        return signatures.sign(kit.caller(), SignRequest.builder().keyId(keyId).signingAlgorithm(algorithm)
                .messageType(messageType).message(message).build());
    }

    private VerifyResponse verify(String keyId, String algorithm, String messageType, SdkBytes message, SdkBytes signature) {
        return signatures.verify(kit.caller(), VerifyRequest.builder().keyId(keyId).signingAlgorithm(algorithm)
                .messageType(messageType).message(message).signature(signature).build());
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_2048, RSASSA_PSS_SHA_256", "RSA_2048, RSASSA_PSS_SHA_512", "RSA_2048, RSASSA_PKCS1_V1_5_SHA_384",
        "ECC_NIST_P256, ECDSA_SHA_256", "ECC_NIST_P384, ECDSA_SHA_384", "ECC_NIST_P521, ECDSA_SHA_512",
        "ECC_SECG_P256K1, ECDSA_SHA_256", "SM2, SM2DSA", "ECC_NIST_EDWARDS25519, ED25519_SHA_512",
    })
    void aSignatureVerifiesWithTheSameKeyAndAlgorithm(String spec, String algorithm) {
        KeyMetadata key = signingKey(spec);

        SignResponse signed = sign(key.keyId(), algorithm, null, MESSAGE);
        VerifyResponse verified = verify(key.arn(), algorithm, "RAW", MESSAGE, signed.signature());

        assertThat(signed.keyId()).isEqualTo(key.arn());
        assertThat(signed.signingAlgorithmAsString()).isEqualTo(algorithm);
        assertThat(verified.signatureValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key.arn());
        assertThat(verified.signingAlgorithmAsString()).isEqualTo(algorithm);
    }

    @Test
    void aDigestSignatureIsTheSignatureOfTheMessageItHashes() throws Exception {
        KeyMetadata key = signingKey("ECC_NIST_P256");
        SdkBytes digest = SdkBytes.fromByteArray(MessageDigest.getInstance("SHA-256").digest(MESSAGE.asByteArray()));

        SignResponse signed = sign(key.keyId(), "ECDSA_SHA_256", "DIGEST", digest);

        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeys.getPublicKey(kit.caller(),
                GetPublicKeyRequest.builder().keyId(key.keyId()).build()).publicKey().asByteArray())));
        jdk.update(MESSAGE.asByteArray());
        assertThat(jdk.verify(signed.signature().asByteArray())).isTrue();
        assertThat(verify(key.keyId(), "ECDSA_SHA_256", "RAW", MESSAGE, signed.signature()).signatureValid()).isTrue();
    }

    /** AWS never answers SignatureValid false: a signature that does not verify is an error. */
    @Test
    void aSignatureThatDoesNotVerifyIsKmsInvalidSignatureException() {
        KeyMetadata key = signingKey("ECC_NIST_P256");
        SdkBytes signature = sign(key.keyId(), "ECDSA_SHA_256", "RAW", MESSAGE).signature();
        byte[] altered = signature.asByteArray();
        altered[altered.length - 1] ^= 1;

        assertAwsError(() -> verify(key.keyId(), "ECDSA_SHA_256", "RAW", SdkBytes.fromUtf8String("another message"), signature),
                "KMSInvalidSignatureException", null);
        assertAwsError(() -> verify(key.keyId(), "ECDSA_SHA_256", "RAW", MESSAGE, SdkBytes.fromByteArray(altered)),
                "KMSInvalidSignatureException", null);
        assertAwsError(() -> verify(key.keyId(), "ECDSA_SHA_256", "RAW", MESSAGE, SdkBytes.fromUtf8String("not DER")),
                "KMSInvalidSignatureException", null);
        assertAwsError(() -> verify(signingKey("ECC_NIST_P256").keyId(), "ECDSA_SHA_256", "RAW", MESSAGE, signature),
                "KMSInvalidSignatureException", null);
    }

    @Test
    void aDigestOfTheWrongLengthIsRefusedAsAwsWordsIt() {
        KeyMetadata rsa = signingKey("RSA_2048");

        // Recorded: test_sign_verify bad-digest
        assertAwsError(() -> sign(rsa.keyId(), "RSASSA_PSS_SHA_256", "DIGEST", MESSAGE), "ValidationException",
                "Digest is invalid length for algorithm RSASSA_PSS_SHA_256.");
        assertAwsError(() -> verify(rsa.keyId(), "RSASSA_PSS_SHA_256", "DIGEST", MESSAGE, SdkBytes.fromUtf8String("x")),
                "ValidationException", "Digest is invalid length for algorithm RSASSA_PSS_SHA_256.");
    }

    @Test
    void ed25519PairsEachAlgorithmWithOneMessageType() {
        KeyMetadata key = signingKey("ECC_NIST_EDWARDS25519");

        assertAwsError(() -> sign(key.keyId(), "ED25519_SHA_512", "DIGEST", SdkBytes.fromByteArray(new byte[64])),
                "ValidationException", "The ED25519_SHA_512 signing algorithm requires MessageType RAW.");
        assertAwsError(() -> sign(key.keyId(), "ED25519_PH_SHA_512", "RAW", MESSAGE),
                "ValidationException", "The ED25519_PH_SHA_512 signing algorithm requires MessageType DIGEST.");
        SdkBytes digest = SdkBytes.fromByteArray(new byte[64]);
        SdkBytes signature = sign(key.keyId(), "ED25519_PH_SHA_512", "DIGEST", digest).signature();
        assertThat(verify(key.keyId(), "ED25519_PH_SHA_512", "DIGEST", digest, signature).signatureValid()).isTrue();
    }

    @Test
    void aKeyThatCannotSignIsRefused() {
        KeyMetadata symmetric = creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
        KeyMetadata encryption = creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec("RSA_2048")
                .keyUsage("ENCRYPT_DECRYPT").build()).keyMetadata();
        KeyMetadata p256 = signingKey("ECC_NIST_P256");

        assertAwsError(() -> sign(symmetric.keyId(), "ECDSA_SHA_256", null, MESSAGE), "InvalidKeyUsageException",
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.");
        assertAwsError(() -> verify(encryption.keyId(), "RSASSA_PSS_SHA_256", null, MESSAGE, MESSAGE), "InvalidKeyUsageException",
                encryption.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for Verify.");
        assertAwsError(() -> sign(p256.keyId(), "ECDSA_SHA_384", null, MESSAGE), "InvalidKeyUsageException",
                "Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.");
        assertAwsError(() -> sign(p256.keyId(), "ML_DSA_SHAKE_256", null, MESSAGE), "InvalidKeyUsageException",
                "Algorithm ML_DSA_SHAKE_256 is incompatible with key spec ECC_NIST_P256.");
    }

    @Test
    void aDisabledKeyNeitherSignsNorVerifies() {
        KeyMetadata key = signingKey("ECC_NIST_P256");
        SdkBytes signature = sign(key.keyId(), "ECDSA_SHA_256", null, MESSAGE).signature();
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());

        assertAwsError(() -> sign(key.keyId(), "ECDSA_SHA_256", null, MESSAGE), "DisabledException", key.arn() + " is disabled.");
        assertAwsError(() -> verify(key.keyId(), "ECDSA_SHA_256", null, MESSAGE, signature), "DisabledException",
                key.arn() + " is disabled.");
    }

    @Test
    void dryRunAnswersOnlyWhenTheCallWouldSucceed() {
        KeyMetadata key = signingKey("ECC_NIST_P256");
        SdkBytes signature = sign(key.keyId(), "ECDSA_SHA_256", null, MESSAGE).signature();

        assertAwsError(() -> signatures.sign(kit.caller(), SignRequest.builder().keyId(key.keyId()).message(MESSAGE)
                        .signingAlgorithm("ECDSA_SHA_256").dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertAwsError(() -> signatures.verify(kit.caller(), VerifyRequest.builder().keyId(key.keyId()).message(MESSAGE)
                        .signature(signature).signingAlgorithm("ECDSA_SHA_256").dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertAwsError(() -> signatures.sign(kit.caller(), SignRequest.builder().keyId(key.keyId()).message(MESSAGE)
                        .signingAlgorithm("ECDSA_SHA_512").dryRun(true).build()),
                "InvalidKeyUsageException", "Algorithm ECDSA_SHA_512 is incompatible with key spec ECC_NIST_P256.");
    }

    @Test
    void theSigningAlgorithmAndMessageTypeReachTheAuthorizer() {
        KeyMetadata key = signingKey("ECC_NIST_P256");

        sign(key.keyId(), "ECDSA_SHA_256", null, MESSAGE);

        assertThat(kit.lastAuthorization("kms:Sign").resourceArn()).isEqualTo(key.arn());
        assertThat(kit.lastConditions("kms:Sign"))
                .containsEntry("kms:SigningAlgorithm", List.of("ECDSA_SHA_256"))
                .containsEntry("kms:MessageType", List.of("RAW"));
    }

    @Test
    void constraintsAreReportedAsAwsReportsThem() {
        KeyMetadata key = signingKey("ECC_NIST_P256");

        assertAwsError(() -> signatures.sign(kit.caller(), SignRequest.builder().keyId(key.keyId()).message(MESSAGE).build()),
                "ValidationException",
                "1 validation error detected: Value null at 'signingAlgorithm' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> sign(key.keyId(), "ECDSA_SHA_256", null, SdkBytes.fromByteArray(new byte[4097])),
                "ValidationException", "1 validation error detected: Value at 'message' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
        assertAwsError(() -> sign(key.keyId(), "ECDSA_SHA_256", "TEXT", MESSAGE), "ValidationException",
                "1 validation error detected: Value 'TEXT' at 'messageType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [RAW, DIGEST, EXTERNAL_MU]");
    }
}
