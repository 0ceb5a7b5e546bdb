package dev.bulwark.crypto.kms;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What DescribeKey and CreateKey report per key spec, and the shape of generated material. */
class KeySpecTest {
    @Test
    void keyUsagesAreThoseCreateKeyAccepts() {
        assertThat(KeySpec.SYMMETRIC_DEFAULT.keyUsages()).containsExactly(KeyUsage.ENCRYPT_DECRYPT);
        assertThat(KeySpec.RSA_4096.keyUsages()).containsExactlyInAnyOrder(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY);
        assertThat(KeySpec.ECC_NIST_P521.keyUsages()).containsExactlyInAnyOrder(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
        assertThat(KeySpec.ECC_SECG_P256K1.keyUsages()).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(KeySpec.ECC_NIST_EDWARDS25519.keyUsages()).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(KeySpec.HMAC_384.keyUsages()).containsExactly(KeyUsage.GENERATE_VERIFY_MAC);
        assertThat(KeySpec.SM2.keyUsages()).containsExactlyInAnyOrder(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
    }

    @Test
    void algorithmListsMatchDescribeKey() {
        assertThat(KeySpec.RSA_2048.signingAlgorithms()).containsExactly(
                SigningAlgorithm.RSASSA_PSS_SHA_256, SigningAlgorithm.RSASSA_PSS_SHA_384, SigningAlgorithm.RSASSA_PSS_SHA_512,
                SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512);
        assertThat(KeySpec.RSA_3072.encryptionAlgorithms()).containsExactly(EncryptionAlgorithm.RSAES_OAEP_SHA_1, EncryptionAlgorithm.RSAES_OAEP_SHA_256);
        assertThat(KeySpec.ECC_NIST_P256.signingAlgorithms()).containsExactly(SigningAlgorithm.ECDSA_SHA_256);
        assertThat(KeySpec.ECC_SECG_P256K1.signingAlgorithms()).containsExactly(SigningAlgorithm.ECDSA_SHA_256);
        assertThat(KeySpec.ECC_NIST_P384.signingAlgorithms()).containsExactly(SigningAlgorithm.ECDSA_SHA_384);
        assertThat(KeySpec.ECC_NIST_P521.signingAlgorithms()).containsExactly(SigningAlgorithm.ECDSA_SHA_512);
        assertThat(KeySpec.ECC_NIST_EDWARDS25519.signingAlgorithms()).containsExactly(SigningAlgorithm.ED25519_SHA_512, SigningAlgorithm.ED25519_PH_SHA_512);
        assertThat(KeySpec.SM2.signingAlgorithms()).containsExactly(SigningAlgorithm.SM2DSA);
        assertThat(KeySpec.SM2.encryptionAlgorithms()).containsExactly(EncryptionAlgorithm.SM2PKE);
        assertThat(KeySpec.SYMMETRIC_DEFAULT.encryptionAlgorithms()).containsExactly(EncryptionAlgorithm.SYMMETRIC_DEFAULT);
        assertThat(KeySpec.HMAC_224.macAlgorithms()).containsExactly(MacAlgorithm.HMAC_SHA_224);
        assertThat(KeySpec.HMAC_512.macAlgorithms()).containsExactly(MacAlgorithm.HMAC_SHA_512);
        assertThat(KeySpec.ECC_NIST_P384.keyAgreementAlgorithms()).containsExactly(KeyAgreementAlgorithm.ECDH);
        assertThat(KeySpec.ECC_SECG_P256K1.keyAgreementAlgorithms()).isEmpty();
        assertThat(KeySpec.fromWireName("ECC_NIST_EDWARDS25519")).contains(KeySpec.ECC_NIST_EDWARDS25519);
        assertThat(KeySpec.fromWireName("ML_DSA_44")).isEmpty();
    }

    /** AWS sizes HMAC keys by the key spec's bit count: HMAC_224 keys are 224 bits. */
    @ParameterizedTest
    @CsvSource({"SYMMETRIC_DEFAULT, 32", "HMAC_224, 28", "HMAC_256, 32", "HMAC_384, 48", "HMAC_512, 64"})
    void symmetricKeysHaveAwsLengths(KeySpec spec, int length) {
        assertThat(KeyGenerator.generateSymmetric(spec, TestKeys.RANDOM).size()).isEqualTo(length);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384",
            "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519", "SM2"})
    void keyPairsAreStandardPkcs8AndSpki(KeySpec spec) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(spec);

        var factory = TestKeys.keyFactory(spec);
        assertThat(factory.generatePrivate(new PKCS8EncodedKeySpec(TestKeys.bytes(pair.privateKey())))).isNotNull();
        var publicKey = factory.generatePublic(new X509EncodedKeySpec(pair.publicKey()));
        if (publicKey instanceof RSAPublicKey rsa) {
            assertThat(rsa.getModulus().bitLength()).isEqualTo(spec.bits);
            assertThat(rsa.getPublicExponent().intValue()).isEqualTo(65537);
        }
        assertThat(pair.toString()).doesNotContain(java.util.HexFormat.of().formatHex(TestKeys.bytes(pair.privateKey())));
    }
}
