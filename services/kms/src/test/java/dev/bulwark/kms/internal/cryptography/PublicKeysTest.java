package dev.bulwark.kms.internal.cryptography;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class PublicKeysTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final PublicKeys publicKeys = new PublicKeys(kit.core);

    private GetPublicKeyResponse publicKey(String keyId) {
        return publicKeys.getPublicKey(kit.caller(), GetPublicKeyRequest.builder().keyId(keyId).build());
    }

    @Test
    void thePublicKeyIsDerSubjectPublicKeyInfoWithTheKeysMetadata() throws Exception {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY").build())
                .keyMetadata();

        GetPublicKeyResponse response = publicKey(key.keyId());

        ECPublicKey decoded = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));
        assertThat(decoded.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keySpecAsString()).isEqualTo("ECC_NIST_P256");
        assertThat(response.customerMasterKeySpecAsString()).isEqualTo("ECC_NIST_P256");
        assertThat(response.keyUsageAsString()).isEqualTo("SIGN_VERIFY");
        assertThat(response.signingAlgorithmsAsStrings()).containsExactly("ECDSA_SHA_256");
        assertThat(response.hasEncryptionAlgorithms()).isFalse();
    }

    @Test
    void aDisabledKeyStillShowsItsPublicKey() {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT").build())
                .keyMetadata();
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());

        assertThat(publicKey(key.keyId()).encryptionAlgorithmsAsStrings()).containsExactly("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    }

    @Test
    void symmetricKeysHaveNoPublicKey() {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();

        assertAwsErrorCode(() -> publicKey(key.keyId()), "UnsupportedOperationException");
    }
}
