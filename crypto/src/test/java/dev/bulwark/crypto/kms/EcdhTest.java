package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DeriveSharedSecret agrees with what the peer computes on its side with the JCA. */
class EcdhTest {
    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "SM2"})
    void sharedSecretMatchesThePeersKeyAgreement(KeySpec spec) throws Exception {
        AsymmetricKeyPair kms = TestKeys.pair(spec);
        AsymmetricKeyPair peer = KeyGenerator.generateKeyPair(spec, TestKeys.RANDOM);

        byte[] ours = bytes(Ecdh.deriveSharedSecret(spec, kms.privateKey(), KeyAgreementAlgorithm.ECDH, peer.publicKey()));

        KeyAgreement theirs = spec == KeySpec.SM2 ? KeyAgreement.getInstance("ECDH", TestKeys.BC) : KeyAgreement.getInstance("ECDH");
        theirs.init(TestKeys.outsidePrivateKey(spec, peer.privateKey()));
        theirs.doPhase(TestKeys.outsidePublicKey(spec, kms.publicKey()), true);
        assertThat(ours).isEqualTo(theirs.generateSecret()).hasSize((spec.bits + 7) / 8);
    }

    @Test
    void peerKeyOnAnotherCurveIsRejected() {
        AsymmetricKeyPair kms = TestKeys.pair(KeySpec.ECC_NIST_P256);

        assertThatThrownBy(() -> Ecdh.deriveSharedSecret(KeySpec.ECC_NIST_P256, kms.privateKey(), KeyAgreementAlgorithm.ECDH,
                TestKeys.pair(KeySpec.ECC_NIST_P384).publicKey()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Ecdh.deriveSharedSecret(KeySpec.ECC_NIST_P256, kms.privateKey(), KeyAgreementAlgorithm.ECDH,
                TestKeys.pair(KeySpec.ECC_SECG_P256K1).publicKey()))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Regression guard for invalid-curve attacks: a point off the curve must never reach the scalar multiplication. */
    @Test
    void peerPointOffTheCurveIsRejected() {
        AsymmetricKeyPair kms = TestKeys.pair(KeySpec.ECC_NIST_P256);
        byte[] offCurve = KeyGenerator.generateKeyPair(KeySpec.ECC_NIST_P256, TestKeys.RANDOM).publicKey();
        offCurve[offCurve.length - 1] ^= 1; // last byte of y

        assertThatThrownBy(() -> Ecdh.deriveSharedSecret(KeySpec.ECC_NIST_P256, kms.privateKey(), KeyAgreementAlgorithm.ECDH, offCurve))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void malformedPeerKeyIsRejected() {
        AsymmetricKeyPair kms = TestKeys.pair(KeySpec.ECC_NIST_P384);
        byte[] truncated = Arrays.copyOf(kms.publicKey(), 20);

        assertThatThrownBy(() -> Ecdh.deriveSharedSecret(KeySpec.ECC_NIST_P384, kms.privateKey(), KeyAgreementAlgorithm.ECDH, truncated))
                .isInstanceOf(InvalidInputException.class);
    }

    /** AWS offers KEY_AGREEMENT on the NIST curves and SM2 only. */
    @Test
    void secp256k1IsNotAKeyAgreementSpec() {
        AsymmetricKeyPair k1 = TestKeys.pair(KeySpec.ECC_SECG_P256K1);

        assertThatThrownBy(() -> Ecdh.deriveSharedSecret(KeySpec.ECC_SECG_P256K1, k1.privateKey(), KeyAgreementAlgorithm.ECDH, k1.publicKey()))
                .isInstanceOf(UnsupportedAlgorithmException.class);
    }
}
