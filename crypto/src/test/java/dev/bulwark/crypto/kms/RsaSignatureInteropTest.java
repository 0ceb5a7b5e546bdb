package dev.bulwark.crypto.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RSA signatures against plain JDK code that sees only the encoded keys, the way a KMS client
 * verifies with GetPublicKey's output, in both directions and in both message types.
 */
class RsaSignatureInteropTest {
    private static final byte[] MESSAGE = "pay 100 to alice".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ALL)
    void rawSignatureVerifiesWithTheJdk(SigningAlgorithm algorithm) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);

        byte[] signature = Signer.sign(KeySpec.RSA_2048, pair.privateKey(), algorithm, MessageType.RAW, MESSAGE, TestKeys.RANDOM);

        assertThat(jdkVerify(algorithm, TestKeys.outsidePublicKey(KeySpec.RSA_2048, pair.publicKey()), MESSAGE, signature)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ALL)
    void digestSignatureVerifiesWithTheJdkOverTheMessage(SigningAlgorithm algorithm) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_3072);
        byte[] digest = digest(algorithm, MESSAGE);

        byte[] signature = Signer.sign(KeySpec.RSA_3072, pair.privateKey(), algorithm, MessageType.DIGEST, digest, TestKeys.RANDOM);

        assertThat(jdkVerify(algorithm, TestKeys.outsidePublicKey(KeySpec.RSA_3072, pair.publicKey()), MESSAGE, signature)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ALL)
    void jdkSignatureVerifiesInBothMessageTypes(SigningAlgorithm algorithm) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);
        PrivateKey jdkKey = TestKeys.outsidePrivateKey(KeySpec.RSA_2048, pair.privateKey());
        Signature jdk = jdkSignature(algorithm);
        jdk.initSign(jdkKey);
        jdk.update(MESSAGE);
        byte[] signature = jdk.sign();

        assertThat(Signer.verify(KeySpec.RSA_2048, pair.publicKey(), algorithm, MessageType.RAW, MESSAGE, signature)).isTrue();
        assertThat(Signer.verify(KeySpec.RSA_2048, pair.publicKey(), algorithm, MessageType.DIGEST, digest(algorithm, MESSAGE), signature)).isTrue();
        assertThat(Signer.verify(KeySpec.RSA_2048, pair.publicKey(), algorithm, MessageType.RAW, "pay 900 to mallory".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void pkcs1DigestSignatureIsTheRawSignatureOfTheMessage() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);
        SigningAlgorithm algorithm = SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384;

        byte[] raw = Signer.sign(KeySpec.RSA_2048, pair.privateKey(), algorithm, MessageType.RAW, MESSAGE, TestKeys.RANDOM);
        byte[] digest = Signer.sign(KeySpec.RSA_2048, pair.privateKey(), algorithm, MessageType.DIGEST, digest(algorithm, MESSAGE), TestKeys.RANDOM);

        assertThat(digest).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({"RSASSA_PSS_SHA_256, 31", "RSASSA_PSS_SHA_384, 32", "RSASSA_PKCS1_V1_5_SHA_512, 48", "RSASSA_PKCS1_V1_5_SHA_256, 33"})
    void digestOfTheWrongLengthIsRejectedAsKmsDoes(SigningAlgorithm algorithm, int length) {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);

        assertThatThrownBy(() -> Signer.sign(KeySpec.RSA_2048, pair.privateKey(), algorithm, MessageType.DIGEST, new byte[length], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Digest is invalid length for algorithm " + algorithm + ".");
    }

    @Test
    void algorithmOfAnotherKeyTypeIsRefused() {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);

        assertThatThrownBy(() -> Signer.sign(KeySpec.RSA_2048, pair.privateKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, MESSAGE, TestKeys.RANDOM))
                .isInstanceOf(UnsupportedAlgorithmException.class);
    }

    @Test
    void garbageSignatureIsInvalidRatherThanAnError() {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.RSA_2048);

        assertThat(Signer.verify(KeySpec.RSA_2048, pair.publicKey(), SigningAlgorithm.RSASSA_PSS_SHA_256, MessageType.RAW, MESSAGE, new byte[7])).isFalse();
    }

    private static boolean jdkVerify(SigningAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature jdk = jdkSignature(algorithm);
        jdk.initVerify(key);
        jdk.update(message);
        return jdk.verify(signature);
    }

    /** What a JDK user writes from the AWS documentation, independent of Bulwark's code. */
    private static Signature jdkSignature(SigningAlgorithm algorithm) throws Exception {
        String hash = switch (algorithm) {
            case RSASSA_PSS_SHA_256, RSASSA_PKCS1_V1_5_SHA_256 -> "SHA-256";
            case RSASSA_PSS_SHA_384, RSASSA_PKCS1_V1_5_SHA_384 -> "SHA-384";
            default -> "SHA-512";
        };
        if (algorithm.name().startsWith("RSASSA_PSS")) {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    MessageDigest.getInstance(hash).getDigestLength(), 1));
            return pss;
        }
        return Signature.getInstance(hash.replace("-", "") + "withRSA");
    }

    private static byte[] digest(SigningAlgorithm algorithm, byte[] message) throws Exception {
        return MessageDigest.getInstance(algorithm.hash.jcaName).digest(message);
    }
}
