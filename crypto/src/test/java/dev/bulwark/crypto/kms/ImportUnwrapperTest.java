package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.AesKeyWrapPad;
import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encrypted key material built the way AWS's OpenSSL recipe builds it, from the wrapping public
 * key only ({@code openssl pkeyutl -encrypt ... rsa_padding_mode:oaep} of a random AES-256 key,
 * then {@code openssl enc -id-aes256-wrap-pad} of the material, concatenated).
 */
class ImportUnwrapperTest {
    @ParameterizedTest
    @CsvSource({"RSA_2048, RSA_AES_KEY_WRAP_SHA_256, SHA-256", "RSA_4096, RSA_AES_KEY_WRAP_SHA_1, SHA-1"})
    void unwrapsAnRsaPrivateKeyWrappedLikeTheAwsRecipe(KeySpec wrappingSpec, WrappingAlgorithm algorithm, String hash) throws Exception {
        AsymmetricKeyPair wrapping = TestKeys.pair(wrappingSpec);
        byte[] material = bytes(TestKeys.pair(KeySpec.RSA_3072).privateKey()); // ~1.8 KB: too big for OAEP alone
        SecretBytes aesKey = SecretBytes.random(32, TestKeys.RANDOM);

        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, TestKeys.outsidePublicKey(wrappingSpec, wrapping.publicKey()),
                new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
        byte[] wrappedAesKey = rsa.doFinal(bytes(aesKey));
        byte[] wrappedMaterial = AesKeyWrapPad.wrap(aesKey, SecretBytes.copyOf(material));
        byte[] blob = concat(wrappedAesKey, wrappedMaterial);

        assertThat(bytes(ImportUnwrapper.unwrap(wrappingSpec, algorithm, wrapping.privateKey(), blob))).isEqualTo(material);

        blob[blob.length - 3] ^= 1;
        assertThatThrownBy(() -> ImportUnwrapper.unwrap(wrappingSpec, algorithm, wrapping.privateKey(), blob))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void unwrapsSymmetricMaterialWrappedWithOaepSha256() throws Exception {
        AsymmetricKeyPair wrapping = TestKeys.pair(KeySpec.RSA_2048);
        byte[] material = bytes(SecretBytes.random(32, TestKeys.RANDOM));
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, TestKeys.outsidePublicKey(KeySpec.RSA_2048, wrapping.publicKey()),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));

        SecretBytes unwrapped = ImportUnwrapper.unwrap(KeySpec.RSA_2048, WrappingAlgorithm.RSAES_OAEP_SHA_256, wrapping.privateKey(), rsa.doFinal(material));

        assertThat(bytes(unwrapped)).isEqualTo(material);
    }

    @Test
    void unwrapsMaterialWrappedWithSm2() {
        AsymmetricKeyPair wrapping = TestKeys.pair(KeySpec.SM2);
        byte[] material = bytes(SecretBytes.random(32, TestKeys.RANDOM));
        byte[] blob = AsymmetricCipher.encrypt(KeySpec.SM2, wrapping.publicKey(), EncryptionAlgorithm.SM2PKE, material, TestKeys.RANDOM);

        assertThat(bytes(ImportUnwrapper.unwrap(KeySpec.SM2, WrappingAlgorithm.SM2PKE, wrapping.privateKey(), blob))).isEqualTo(material);
    }

    @Test
    void blobWithoutTheAesHalfFails() throws Exception {
        AsymmetricKeyPair wrapping = TestKeys.pair(KeySpec.RSA_2048);

        assertThatThrownBy(() -> ImportUnwrapper.unwrap(KeySpec.RSA_2048, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, wrapping.privateKey(), new byte[256]))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void wrappingAlgorithmMustFitTheWrappingKeySpec() {
        AsymmetricKeyPair wrapping = TestKeys.pair(KeySpec.RSA_2048);

        assertThatThrownBy(() -> ImportUnwrapper.unwrap(KeySpec.RSA_2048, WrappingAlgorithm.SM2PKE, wrapping.privateKey(), new byte[300]))
                .isInstanceOf(UnsupportedAlgorithmException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
