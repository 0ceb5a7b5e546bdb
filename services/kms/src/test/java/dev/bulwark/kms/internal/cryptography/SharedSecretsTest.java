package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.testing.KmsTestKit;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretRequest;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RecipientInfo;

class SharedSecretsTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final PublicKeys publicKeys = new PublicKeys(kit.core);
    private final SharedSecrets sharedSecrets = new SharedSecrets(kit.core);

    private KeyMetadata key(String spec, String usage) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build()).keyMetadata();
    }

    private static KeyPair peer(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private DeriveSharedSecretResponse derive(String keyId, byte[] peerPublicKey) {
        return sharedSecrets.deriveSharedSecret(kit.caller(), DeriveSharedSecretRequest.builder().keyId(keyId)
                .keyAgreementAlgorithm("ECDH").publicKey(SdkBytes.fromByteArray(peerPublicKey)).build());
    }

    @Test
    void theSharedSecretIsWhatThePeerComputesWithTheKmsPublicKey() throws Exception {
        KeyMetadata key = key("ECC_NIST_P384", "KEY_AGREEMENT");
        KeyPair peer = peer("secp384r1");

        DeriveSharedSecretResponse derived = derive(key.keyId(), peer.getPublic().getEncoded());

        KeyAgreement local = KeyAgreement.getInstance("ECDH");
        local.init(peer.getPrivate());
        local.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeys.getPublicKey(kit.caller(),
                GetPublicKeyRequest.builder().keyId(key.keyId()).build()).publicKey().asByteArray())), true);
        assertThat(derived.sharedSecret().asByteArray()).isEqualTo(local.generateSecret());
        assertThat(derived.keyId()).isEqualTo(key.arn());
        assertThat(derived.keyAgreementAlgorithmAsString()).isEqualTo("ECDH");
        assertThat(derived.keyOriginAsString()).isEqualTo("AWS_KMS");
    }

    @Test
    void keysOfAnotherUsageAreRefusedAsAwsWordsIt() throws Exception {
        KeyMetadata signing = key("ECC_NIST_P256", "SIGN_VERIFY");
        KeyMetadata symmetric = creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
        byte[] peer = peer("secp256r1").getPublic().getEncoded();

        // Recorded: test_derive_shared_secret response-invalid-key-usage, response-invalid-key
        assertAwsError(() -> derive(signing.keyId(), peer), "InvalidKeyUsageException",
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.");
        assertAwsError(() -> derive(symmetric.keyId(), peer), "InvalidKeyUsageException",
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret.");
    }

    @Test
    void aPeerKeyNotOnTheKeysCurveIsAValidationExceptionWithoutMessage() throws Exception {
        KeyMetadata key = key("ECC_NIST_P256", "KEY_AGREEMENT");

        // Recorded: test_derive_shared_secret response-invalid-public-key
        assertAwsError(() -> derive(key.keyId(), peer("secp384r1").getPublic().getEncoded()), "ValidationException", null);
        assertAwsError(() -> derive(key.keyId(), new byte[] {1, 2, 3}), "ValidationException", null);
    }

    @Test
    void anUnknownAlgorithmIsRefusedWithTheModelsEnumSet() {
        KeyMetadata key = key("ECC_NIST_P256", "KEY_AGREEMENT");

        // Recorded: test_derive_shared_secret response-invalid-key-agreement-algo
        assertAwsError(() -> sharedSecrets.deriveSharedSecret(kit.caller(), DeriveSharedSecretRequest.builder().keyId(key.keyId())
                        .keyAgreementAlgorithm("INVALID").publicKey(SdkBytes.fromByteArray(new byte[] {1})).build()),
                "ValidationException", "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [ECDH]");
    }

    @Test
    void recipientIsRefusedAndDryRunAnswersWithoutDeriving() throws Exception {
        KeyMetadata key = key("ECC_NIST_P256", "KEY_AGREEMENT");
        SdkBytes peer = SdkBytes.fromByteArray(peer("secp256r1").getPublic().getEncoded());

        assertAwsError(() -> sharedSecrets.deriveSharedSecret(kit.caller(), DeriveSharedSecretRequest.builder().keyId(key.keyId())
                        .keyAgreementAlgorithm("ECDH").publicKey(peer).recipient(RecipientInfo.builder().build()).build()),
                "UnsupportedOperationException", "Recipient (Nitro Enclaves attestation) is not supported by Bulwark.");
        assertAwsError(() -> sharedSecrets.deriveSharedSecret(kit.caller(), DeriveSharedSecretRequest.builder().keyId(key.keyId())
                        .keyAgreementAlgorithm("ECDH").publicKey(peer).dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertThat(kit.lastConditions("kms:DeriveSharedSecret")).containsEntry("kms:KeyAgreementAlgorithm", List.of("ECDH"));
    }
}
