package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InvalidKeyMaterialException;
import dev.bulwark.crypto.SecretBytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPairsTest {
    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1",
            "ECC_NIST_EDWARDS25519", "SM2"})
    void derivesThePublicKeyOfAPrivateKeyExactlyAsGenerationEncodesIt(KeySpec spec) {
        AsymmetricKeyPair generated = TestKeys.pair(spec);

        AsymmetricKeyPair imported = KeyPairs.fromPrivateKey(spec, generated.privateKey());

        assertThat(imported.publicKey()).isEqualTo(generated.publicKey());
        assertThat(bytes(imported.privateKey())).isEqualTo(bytes(generated.privateKey()));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "ECC_NIST_P256", "ECC_NIST_EDWARDS25519"})
    void aPrivateKeyOfAnotherSpecIsNotKeyMaterialForThisOne(KeySpec spec) {
        SecretBytes otherSpec = TestKeys.pair(spec == KeySpec.RSA_2048 ? KeySpec.RSA_3072 : KeySpec.ECC_NIST_P384).privateKey();

        assertThatThrownBy(() -> KeyPairs.fromPrivateKey(spec, otherSpec)).isInstanceOf(InvalidKeyMaterialException.class);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "ECC_NIST_P256", "ECC_NIST_EDWARDS25519"})
    void bytesThatAreNoPrivateKeyAreRefusedWithoutQuotingThem(KeySpec spec) {
        assertThatThrownBy(() -> KeyPairs.fromPrivateKey(spec, SecretBytes.copyOf(new byte[32])))
                .isInstanceOf(InvalidKeyMaterialException.class)
                .hasMessageNotContaining("0000");
    }
}
