package dev.bulwark.crypto.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ECDSA against an outside verifier (the JDK for the NIST curves, an independent Bouncy Castle
 * instance for secp256k1) that sees only the SPKI, with DER signatures as KMS returns them.
 */
class EcdsaInteropTest {
    private static final byte[] MESSAGE = "transfer 1 BTC".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({
        "ECC_NIST_P256, ECDSA_SHA_256, SHA-256, SHA256withECDSA",
        "ECC_NIST_P384, ECDSA_SHA_384, SHA-384, SHA384withECDSA",
        "ECC_NIST_P521, ECDSA_SHA_512, SHA-512, SHA512withECDSA",
        "ECC_SECG_P256K1, ECDSA_SHA_256, SHA-256, SHA256withECDSA",
    })
    void rawAndDigestSignaturesVerifyOutsideOverTheMessage(KeySpec spec, SigningAlgorithm algorithm, String hash, String outsideAlgorithm) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(spec);
        byte[] digest = MessageDigest.getInstance(hash).digest(MESSAGE);

        byte[] raw = Signer.sign(spec, pair.privateKey(), algorithm, MessageType.RAW, MESSAGE, TestKeys.RANDOM);
        byte[] fromDigest = Signer.sign(spec, pair.privateKey(), algorithm, MessageType.DIGEST, digest, TestKeys.RANDOM);

        Signature outside = outside(spec, outsideAlgorithm);
        for (byte[] signature : new byte[][] {raw, fromDigest}) {
            assertThat(signature[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
            outside.initVerify(TestKeys.outsidePublicKey(spec, pair.publicKey()));
            outside.update(MESSAGE);
            assertThat(outside.verify(signature)).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ECC_NIST_P256, ECDSA_SHA_256, SHA-256, SHA256withECDSA",
        "ECC_NIST_P521, ECDSA_SHA_512, SHA-512, SHA512withECDSA",
        "ECC_SECG_P256K1, ECDSA_SHA_256, SHA-256, SHA256withECDSA",
    })
    void outsideSignatureVerifiesInBothMessageTypes(KeySpec spec, SigningAlgorithm algorithm, String hash, String outsideAlgorithm) throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(spec);
        Signature outside = outside(spec, outsideAlgorithm);
        outside.initSign(TestKeys.outsidePrivateKey(spec, pair.privateKey()));
        outside.update(MESSAGE);
        byte[] signature = outside.sign();

        assertThat(Signer.verify(spec, pair.publicKey(), algorithm, MessageType.RAW, MESSAGE, signature)).isTrue();
        assertThat(Signer.verify(spec, pair.publicKey(), algorithm, MessageType.DIGEST, MessageDigest.getInstance(hash).digest(MESSAGE), signature)).isTrue();
        assertThat(Signer.verify(spec, pair.publicKey(), algorithm, MessageType.RAW, "transfer 9 BTC".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Signer.verify(spec, pair.publicKey(), algorithm, MessageType.RAW, MESSAGE, new byte[] {0x30, 0x01, 0x00})).isFalse();
    }

    @Test
    void curveAndHashMustMatchAsInKms() {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.ECC_NIST_P256);

        assertThatThrownBy(() -> Signer.sign(KeySpec.ECC_NIST_P256, pair.privateKey(), SigningAlgorithm.ECDSA_SHA_384, MessageType.RAW, MESSAGE, TestKeys.RANDOM))
                .isInstanceOf(UnsupportedAlgorithmException.class);
    }

    @Test
    void digestOfTheWrongLengthIsRejected() {
        AsymmetricKeyPair pair = TestKeys.pair(KeySpec.ECC_NIST_P384);

        assertThatThrownBy(() -> Signer.sign(KeySpec.ECC_NIST_P384, pair.privateKey(), SigningAlgorithm.ECDSA_SHA_384, MessageType.DIGEST, new byte[32], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Digest is invalid length for algorithm ECDSA_SHA_384.");
    }

    @Test
    void publicKeyOnAnotherCurveIsRejected() {
        AsymmetricKeyPair p384 = TestKeys.pair(KeySpec.ECC_NIST_P384);

        assertThatThrownBy(() -> Signer.verify(KeySpec.ECC_NIST_P256, p384.publicKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, MESSAGE, new byte[8]))
                .isInstanceOf(InvalidInputException.class);
    }

    private static Signature outside(KeySpec spec, String algorithm) throws Exception {
        return spec == KeySpec.ECC_SECG_P256K1 ? Signature.getInstance(algorithm, TestKeys.BC) : Signature.getInstance(algorithm);
    }
}
