package dev.bulwark.crypto.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InvalidKeyMaterialException;
import dev.bulwark.crypto.SecretBytes;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A private key given alone yields the same public key its generator produced, byte for byte. */
class PublicKeyDerivationTest {
    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"},
            mode = EnumSource.Mode.EXCLUDE)
    void derivedPublicKeyIsTheGeneratedOne(KeySpec spec) {
        AsymmetricKeyPair generated = TestKeys.pair(spec);

        AsymmetricKeyPair derived = AsymmetricKeyPair.fromPrivateKey(spec, generated.privateKey());

        assertThat(derived.publicKey()).isEqualTo(generated.publicKey());
        assertThat(derived.spec()).isEqualTo(spec);
    }

    @Test
    void aKeyGeneratedOutsideBulwarkDerivesItsOwnPublicKey() throws Exception {
        KeyPairGenerator outside = KeyPairGenerator.getInstance("EC");
        outside.initialize(new ECGenParameterSpec("secp384r1"));
        var pair = outside.generateKeyPair();

        AsymmetricKeyPair derived = AsymmetricKeyPair.fromPrivateKey(KeySpec.ECC_NIST_P384,
                SecretBytes.copyOf(pair.getPrivate().getEncoded()));

        assertThat(derived.publicKey()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void aPrivateKeyOfAnotherSpecIsRefused() {
        SecretBytes p256 = TestKeys.pair(KeySpec.ECC_NIST_P256).privateKey();

        assertThatThrownBy(() -> AsymmetricKeyPair.fromPrivateKey(KeySpec.ECC_NIST_P384, p256))
                .isInstanceOf(InvalidKeyMaterialException.class)
                .hasMessageNotContaining("0x");
        assertThatThrownBy(() -> AsymmetricKeyPair.fromPrivateKey(KeySpec.RSA_2048, p256))
                .isInstanceOf(InvalidKeyMaterialException.class);
    }

    @Test
    void bytesThatAreNoPrivateKeyAreRefused() {
        assertThatThrownBy(() -> AsymmetricKeyPair.fromPrivateKey(KeySpec.RSA_2048, SecretBytes.copyOf(new byte[] {1, 2, 3})))
                .isInstanceOf(InvalidKeyMaterialException.class);
    }
}
