package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.testing.KmsTestKit;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RecipientInfo;

class DataKeyPairsTest {
    private static final Map<String, String> CONTEXT = Map.of("purpose", "signing");

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final DataKeyPairs dataKeyPairs = new DataKeyPairs(kit.core);

    private KeyMetadata symmetricKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    private GenerateDataKeyPairResponse generate(String keyId, String spec) {
        return dataKeyPairs.generateDataKeyPair(kit.caller(), GenerateDataKeyPairRequest.builder().keyId(keyId).keyPairSpec(spec)
                .encryptionContext(CONTEXT).build());
    }

    private SdkBytes decrypt(SdkBytes ciphertext, Map<String, String> context) {
        return cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).encryptionContext(context)
                .build()).plaintext();
    }

    private static boolean signsForPublicKey(byte[] pkcs8, byte[] spki) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {42});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {42});
        return verifier.verify(signature);
    }

    @Test
    void thePrivateKeyMatchesThePublicKeyAndDecryptsFromItsCiphertextWithTheContext() throws Exception {
        KeyMetadata key = symmetricKey();

        GenerateDataKeyPairResponse pair = generate(key.keyId(), "ECC_NIST_P256");

        assertThat(pair.keyId()).isEqualTo(key.arn());
        assertThat(pair.keyPairSpecAsString()).isEqualTo("ECC_NIST_P256");
        assertThat(pair.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertThat(signsForPublicKey(pair.privateKeyPlaintext().asByteArray(), pair.publicKey().asByteArray())).isTrue();
        assertThat(decrypt(pair.privateKeyCiphertextBlob(), CONTEXT)).isEqualTo(pair.privateKeyPlaintext());
        // Recorded: test_encryption_context_generate_data_key_pair decrypt-without-encryption-context
        assertAwsError(() -> decrypt(pair.privateKeyCiphertextBlob(), Map.of()), "InvalidCiphertextException", null);
    }

    @Test
    void withoutPlaintextTheCiphertextStillHoldsThePrivateKeyOfThePublicKey() throws Exception {
        KeyMetadata key = symmetricKey();

        GenerateDataKeyPairWithoutPlaintextResponse pair = dataKeyPairs.generateDataKeyPairWithoutPlaintext(kit.caller(),
                GenerateDataKeyPairWithoutPlaintextRequest.builder().keyId(key.arn()).keyPairSpec("ECC_NIST_P256")
                        .encryptionContext(CONTEXT).build());

        assertThat(pair.keyId()).isEqualTo(key.arn());
        assertThat(pair.keyPairSpecAsString()).isEqualTo("ECC_NIST_P256");
        byte[] privateKey = decrypt(pair.privateKeyCiphertextBlob(), CONTEXT).asByteArray();
        assertThat(signsForPublicKey(privateKey, pair.publicKey().asByteArray())).isTrue();
    }

    @Test
    void everySpecGivesAKeyPairOfThatSpec() {
        KeyMetadata key = symmetricKey();
        for (String spec : List.of("ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519", "RSA_2048")) {
            GenerateDataKeyPairResponse pair = generate(key.keyId(), spec);

            assertThat(pair.keyPairSpecAsString()).isEqualTo(spec);
            assertThat(decrypt(pair.privateKeyCiphertextBlob(), CONTEXT)).isEqualTo(pair.privateKeyPlaintext());
        }
    }

    @Test
    void onlySymmetricEncryptionKeysProtectDataKeyPairs() {
        KeyMetadata rsa = creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")
                .build()).keyMetadata();
        KeyMetadata hmac = creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec("HMAC_256")
                .keyUsage("GENERATE_VERIFY_MAC").build()).keyMetadata();

        assertAwsError(() -> generate(rsa.keyId(), "ECC_NIST_P256"), "InvalidKeyUsageException",
                rsa.arn() + " key spec is RSA_2048 which is not valid for GenerateDataKeyPair.");
        assertAwsError(() -> generate(hmac.keyId(), "ECC_NIST_P256"), "InvalidKeyUsageException",
                hmac.arn() + " key usage is GENERATE_VERIFY_MAC which is not valid for GenerateDataKeyPair.");
    }

    @Test
    void dryRunAnswersAsAwsDoes() {
        KeyMetadata key = symmetricKey();

        // Recorded: test_generate_data_key_pair_dry_run, ..._without_plaintext_dry_run
        assertAwsError(() -> dataKeyPairs.generateDataKeyPair(kit.caller(), GenerateDataKeyPairRequest.builder().keyId(key.keyId())
                        .keyPairSpec("RSA_2048").dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertAwsError(() -> dataKeyPairs.generateDataKeyPairWithoutPlaintext(kit.caller(),
                        GenerateDataKeyPairWithoutPlaintextRequest.builder().keyId(key.keyId()).keyPairSpec("RSA_2048").dryRun(true).build()),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
    }

    @Test
    void theRequestIsCheckedBeforeAnyKeyIsGenerated() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> dataKeyPairs.generateDataKeyPair(kit.caller(), GenerateDataKeyPairRequest.builder().keyId(key.keyId())
                        .keyPairSpec("RSA_1024").build()), "ValidationException",
                "1 validation error detected: Value 'RSA_1024' at 'keyPairSpec' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, "
                        + "SM2, ECC_NIST_EDWARDS25519]");
        assertAwsError(() -> dataKeyPairs.generateDataKeyPair(kit.caller(), GenerateDataKeyPairRequest.builder().keyId(key.keyId())
                        .keyPairSpec("RSA_2048").recipient(RecipientInfo.builder().build()).build()),
                "UnsupportedOperationException", "Recipient (Nitro Enclaves attestation) is not supported by Bulwark.");
    }

    @Test
    void theAuthorizerSeesTheContextAndTheKeyPairSpec() {
        KeyMetadata key = symmetricKey();

        generate(key.keyId(), "ECC_NIST_P256");

        assertThat(kit.lastConditions("kms:GenerateDataKeyPair"))
                .containsEntry("kms:DataKeyPairSpec", List.of("ECC_NIST_P256"))
                .containsEntry("kms:EncryptionContext:purpose", List.of("signing"))
                .containsEntry("kms:EncryptionAlgorithm", List.of("SYMMETRIC_DEFAULT"));
    }
}
