package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * GenerateDataKeyPair's private key belongs to its public key: signed with locally, the
 * signature verifies with the public key alone (java.security, Bouncy Castle for the curves the
 * JDK lacks); and the encrypted private key decrypts in KMS, with its encryption context only.
 * (RSA_3072 goes through the same code as RSA_2048 and RSA_4096 and is left out to keep the run
 * short: a 3072-bit key pair costs seconds.)
 */
class KmsDataKeyPairEndToEndTest {
    private static final Map<String, String> CONTEXT = Map.of("purpose", "test");
    private static final byte[] MESSAGE = "signed with a data key pair".getBytes(StandardCharsets.UTF_8);
    private static final Provider BC = new BouncyCastleProvider();

    private static BulwarkTestServer server;
    private static KmsClient kms;
    private static KeyMetadata key;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
        key = kms.createKey(request -> request.description("protects data key pairs")).keyMetadata();
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048, RSA, SHA256withRSA", "RSA_4096, RSA, SHA256withRSA", "ECC_NIST_P256, EC, SHA256withECDSA",
        "ECC_NIST_P384, EC, SHA384withECDSA", "ECC_NIST_P521, EC, SHA512withECDSA", "ECC_SECG_P256K1, EC, SHA256withECDSA",
        "SM2, EC, SM3withSM2", "ECC_NIST_EDWARDS25519, Ed25519, Ed25519"})
    void thePrivateKeyMatchesThePublicKeyAndDecryptsWithTheContext(String spec, String keyAlgorithm, String signatureAlgorithm)
            throws Exception {
        GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(request -> request.keyId(key.keyId()).keyPairSpec(spec)
                .encryptionContext(CONTEXT));

        assertThat(pair.keyId()).isEqualTo(key.arn());
        assertThat(pair.keyPairSpecAsString()).isEqualTo(spec);
        assertThat(pair.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        boolean bouncyCastle = spec.equals("ECC_SECG_P256K1") || spec.equals("SM2");
        assertThat(signsForPublicKey(bouncyCastle, keyAlgorithm, signatureAlgorithm, pair.privateKeyPlaintext().asByteArray(),
                pair.publicKey().asByteArray())).isTrue();
        assertThat(kms.decrypt(request -> request.ciphertextBlob(pair.privateKeyCiphertextBlob()).encryptionContext(CONTEXT))
                .plaintext()).isEqualTo(pair.privateKeyPlaintext());
    }

    @Test
    void withoutPlaintextTheCiphertextHoldsThePrivateKeyOfThePublicKey() throws Exception {
        GenerateDataKeyPairWithoutPlaintextResponse pair = kms.generateDataKeyPairWithoutPlaintext(request -> request.keyId(key.arn())
                .keyPairSpec("ECC_NIST_P256").encryptionContext(CONTEXT));

        byte[] privateKey = kms.decrypt(request -> request.ciphertextBlob(pair.privateKeyCiphertextBlob()).encryptionContext(CONTEXT))
                .plaintext().asByteArray();

        assertThat(pair.keyPairSpecAsString()).isEqualTo("ECC_NIST_P256");
        assertThat(signsForPublicKey(false, "EC", "SHA256withECDSA", privateKey, pair.publicKey().asByteArray())).isTrue();
        // Recorded: test_encryption_context_generate_data_key_pair_without_plaintext
        assertKmsError(() -> kms.decrypt(request -> request.ciphertextBlob(pair.privateKeyCiphertextBlob())),
                "InvalidCiphertextException", null);
    }

    @Test
    void dryRunAndKeysThatCannotProtectAPairAnswerAsAws() {
        KeyMetadata signing = kms.createKey(request -> request.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata();

        // Recorded: test_generate_data_key_pair_dry_run
        assertKmsError(() -> kms.generateDataKeyPair(request -> request.keyId(key.keyId()).keyPairSpec("RSA_2048").dryRun(true)),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertKmsError(() -> kms.generateDataKeyPairWithoutPlaintext(request -> request.keyId(key.keyId()).keyPairSpec("RSA_2048")
                .dryRun(true)), "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertKmsError(() -> kms.generateDataKeyPair(request -> request.keyId(signing.keyId()).keyPairSpec("ECC_NIST_P256")),
                "InvalidKeyUsageException", signing.arn() + " key usage is SIGN_VERIFY which is not valid for GenerateDataKeyPair.");
    }

    @Test
    void theAuditTrailNeverHoldsThePrivateKey() {
        GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(request -> request.keyId(key.keyId()).keyPairSpec("ECC_NIST_P256"));

        CallRecord record = server.auditRecords().stream().filter(candidate -> candidate.eventName().equals("GenerateDataKeyPair"))
                .reduce((first, second) -> second).orElseThrow();
        String everything = record.toString();
        assertThat(everything).contains("ECC_NIST_P256")
                .doesNotContain(Base64.getEncoder().encodeToString(pair.privateKeyPlaintext().asByteArray()));
    }

    private static boolean signsForPublicKey(boolean bouncyCastle, String keyAlgorithm, String signatureAlgorithm, byte[] pkcs8,
            byte[] spki) throws Exception {
        KeyFactory factory = bouncyCastle ? KeyFactory.getInstance(keyAlgorithm, BC) : KeyFactory.getInstance(keyAlgorithm);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
        Signature signer = bouncyCastle ? Signature.getInstance(signatureAlgorithm, BC) : Signature.getInstance(signatureAlgorithm);
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        Signature verifier = bouncyCastle ? Signature.getInstance(signatureAlgorithm, BC) : Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }
}
