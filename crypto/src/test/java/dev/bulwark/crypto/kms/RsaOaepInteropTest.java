package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RSA-OAEP as KMS does it (MGF1 over the OAEP hash), against JDK ciphers built from the SPKI. */
class RsaOaepInteropTest {
    private static final byte[] SECRET = "db-password-hunter2".getBytes(StandardCharsets.UTF_8);

    @Test
    void jdkCiphertextWithSha256AndMgf1Sha256Decrypts() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, TestKeys.outsidePublicKey(KeySpec.RSA_2048, pair.publicKey()), oaep("SHA-256", "SHA-256"));
        byte[] ciphertext = jdk.doFinal(SECRET);

        assertThat(bytes(AsymmetricCipher.decrypt(KeySpec.RSA_2048, pair.privateKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_256, ciphertext)))
                .isEqualTo(SECRET);
    }

    @ParameterizedTest
    @CsvSource({"RSAES_OAEP_SHA_1, SHA-1", "RSAES_OAEP_SHA_256, SHA-256"})
    void ourCiphertextDecryptsWithTheJdk(EncryptionAlgorithm algorithm, String hash) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_3072);
        byte[] ciphertext = AsymmetricCipher.encrypt(KeySpec.RSA_3072, pair.publicKey(), algorithm, SECRET, TestKeys.RANDOM);

        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.DECRYPT_MODE, TestKeys.outsidePrivateKey(KeySpec.RSA_3072, pair.privateKey()), oaep(hash, hash));
        assertThat(jdk.doFinal(ciphertext)).isEqualTo(SECRET);
    }

    /** Regression: "OAEPWithSHA-256AndMGF1Padding" means MGF1-SHA-1 in the JDK, which is not what KMS does. */
    @Test
    void sha256CiphertextUsesMgf1Sha256NotTheJdkDefault() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);
        byte[] ours = AsymmetricCipher.encrypt(KeySpec.RSA_2048, pair.publicKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_256, SECRET, TestKeys.RANDOM);

        Cipher jdkDefault = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        jdkDefault.init(Cipher.DECRYPT_MODE, TestKeys.outsidePrivateKey(KeySpec.RSA_2048, pair.privateKey()));
        assertThatThrownBy(() -> jdkDefault.doFinal(ours)).isInstanceOf(BadPaddingException.class);

        Cipher mgf1Sha1 = Cipher.getInstance("RSA/ECB/OAEPPadding");
        mgf1Sha1.init(Cipher.ENCRYPT_MODE, TestKeys.outsidePublicKey(KeySpec.RSA_2048, pair.publicKey()), oaep("SHA-256", "SHA-1"));
        byte[] theirs = mgf1Sha1.doFinal(SECRET);
        assertThatThrownBy(() -> AsymmetricCipher.decrypt(KeySpec.RSA_2048, pair.privateKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_256, theirs))
                .isInstanceOf(DecryptionFailedException.class);
    }

    /** The limits in the AWS Encrypt reference. */
    @ParameterizedTest
    @CsvSource({
        "RSA_2048, RSAES_OAEP_SHA_1, 214", "RSA_2048, RSAES_OAEP_SHA_256, 190",
        "RSA_3072, RSAES_OAEP_SHA_1, 342", "RSA_3072, RSAES_OAEP_SHA_256, 318",
        "RSA_4096, RSAES_OAEP_SHA_1, 470", "RSA_4096, RSAES_OAEP_SHA_256, 446",
    })
    void plaintextLimitIsExactlyAwsLimit(KeySpec spec, EncryptionAlgorithm algorithm, int limit) {
        AsymmetricKeyPair pair = TestKeys.pair(spec);
        byte[] longest = new byte[limit];
        TestKeys.RANDOM.nextBytes(longest);

        assertThat(algorithm.maxPlaintextLength(spec)).isEqualTo(limit);
        byte[] ciphertext = AsymmetricCipher.encrypt(spec, pair.publicKey(), algorithm, longest, TestKeys.RANDOM);
        assertThat(bytes(AsymmetricCipher.decrypt(spec, pair.privateKey(), algorithm, ciphertext))).isEqualTo(longest);
        assertThatThrownBy(() -> AsymmetricCipher.encrypt(spec, pair.publicKey(), algorithm, new byte[limit + 1], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ciphertextUnderAnotherKeyFailsWithoutDetail() {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);
        byte[] ciphertext = AsymmetricCipher.encrypt(KeySpec.RSA_2048, pair.publicKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_1, SECRET, TestKeys.RANDOM);
        ciphertext[10] ^= 1;

        assertThatThrownBy(() -> AsymmetricCipher.decrypt(KeySpec.RSA_2048, pair.privateKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_1, ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> AsymmetricCipher.decrypt(KeySpec.RSA_2048, pair.privateKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_1, new byte[12]))
                .isInstanceOf(DecryptionFailedException.class);
    }

    private static OAEPParameterSpec oaep(String hash, String mgf1Hash) {
        return new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(mgf1Hash), PSource.PSpecified.DEFAULT);
    }
}
