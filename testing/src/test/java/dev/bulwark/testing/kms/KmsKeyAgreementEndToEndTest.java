package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * DeriveSharedSecret agrees with the ECDH a peer runs locally (the JDK's KeyAgreement, Bouncy
 * Castle's for SM2) between its own key pair and the public key GetPublicKey returns.
 */
class KmsKeyAgreementEndToEndTest {
    private static final Provider BC = new BouncyCastleProvider();

    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    private static KeyPair localPair(String curve, boolean bouncyCastle) throws Exception {
        KeyPairGenerator generator = bouncyCastle ? KeyPairGenerator.getInstance("EC", BC) : KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    @ParameterizedTest
    @CsvSource({"ECC_NIST_P256, secp256r1", "ECC_NIST_P384, secp384r1", "ECC_NIST_P521, secp521r1", "SM2, sm2p256v1"})
    void theSharedSecretIsTheOneALocalEcdhComputes(String spec, String curve) throws Exception {
        boolean bouncyCastle = spec.equals("SM2");
        KeyMetadata key = kms.createKey(request -> request.keySpec(spec).keyUsage("KEY_AGREEMENT")).keyMetadata();
        KeyPair local = localPair(curve, bouncyCastle);

        DeriveSharedSecretResponse derived = kms.deriveSharedSecret(request -> request.keyId(key.keyId()).keyAgreementAlgorithm("ECDH")
                .publicKey(SdkBytes.fromByteArray(local.getPublic().getEncoded())));

        byte[] kmsPublicKey = kms.getPublicKey(request -> request.keyId(key.keyId())).publicKey().asByteArray();
        KeyFactory factory = bouncyCastle ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("EC");
        KeyAgreement agreement = bouncyCastle ? KeyAgreement.getInstance("ECDH", BC) : KeyAgreement.getInstance("ECDH");
        agreement.init(local.getPrivate());
        agreement.doPhase(factory.generatePublic(new X509EncodedKeySpec(kmsPublicKey)), true);
        assertThat(derived.sharedSecret().asByteArray()).isEqualTo(agreement.generateSecret());
        assertThat(derived.keyId()).isEqualTo(key.arn());
        assertThat(derived.keyAgreementAlgorithmAsString()).isEqualTo("ECDH");
        assertThat(derived.keyOriginAsString()).isEqualTo("AWS_KMS");
        assertThat(key.keyAgreementAlgorithmsAsStrings()).containsExactly("ECDH");
    }

    @Test
    void keysAndPeerKeysThatCannotAgreeAreRefusedAsAwsAnswers() throws Exception {
        KeyMetadata agreement = kms.createKey(request -> request.keySpec("ECC_NIST_P256").keyUsage("KEY_AGREEMENT")).keyMetadata();
        KeyMetadata signing = kms.createKey(request -> request.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata();
        SdkBytes peer = SdkBytes.fromByteArray(localPair("secp256r1", false).getPublic().getEncoded());
        SdkBytes otherCurve = SdkBytes.fromByteArray(localPair("secp384r1", false).getPublic().getEncoded());

        // Recorded: test_derive_shared_secret
        assertKmsError(() -> kms.deriveSharedSecret(request -> request.keyId(signing.keyId()).keyAgreementAlgorithm("ECDH").publicKey(peer)),
                "InvalidKeyUsageException", signing.arn() + " key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.");
        assertKmsError(() -> kms.createKey(request -> request.keySpec("RSA_2048").keyUsage("KEY_AGREEMENT")),
                "ValidationException", "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048");
        assertKmsError(() -> kms.deriveSharedSecret(request -> request.keyId(agreement.keyId()).keyAgreementAlgorithm("INVALID")
                        .publicKey(peer)), "ValidationException",
                "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ECDH]");
        assertKmsError(() -> kms.deriveSharedSecret(request -> request.keyId(agreement.keyId()).keyAgreementAlgorithm("ECDH")
                .publicKey(otherCurve)), "ValidationException", null);
    }
}
