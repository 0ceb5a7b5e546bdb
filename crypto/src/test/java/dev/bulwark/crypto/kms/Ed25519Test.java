package dev.bulwark.crypto.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.EdDSAParameterSpec;
import org.junit.jupiter.api.Test;

/** Ed25519 and Ed25519ph with the message-type pairing AWS requires, checked against the JDK. */
class Ed25519Test {
    private static final KeySpec SPEC = KeySpec.ECC_NIST_EDWARDS25519;
    private static final byte[] MESSAGE = "release v2.0".getBytes(StandardCharsets.UTF_8);

    @Test
    void pureSignatureVerifiesWithTheJdk() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);

        byte[] signature = Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, MESSAGE, TestKeys.RANDOM);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(TestKeys.outsidePublicKey(SPEC, pair.publicKey()));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
    }

    /** AWS: with DIGEST, KMS still applies the Ed25519ph SHA-512 pre-hash, so the digest is hashed twice. */
    @Test
    void prehashSignatureIsEd25519phOverTheSubmittedDigest() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(MESSAGE);

        byte[] signature = Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, digest, TestKeys.RANDOM);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(TestKeys.outsidePublicKey(SPEC, pair.publicKey()));
        jdk.setParameter(new EdDSAParameterSpec(true));
        jdk.update(digest);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(Signer.verify(SPEC, pair.publicKey(), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, digest, signature)).isTrue();
    }

    @Test
    void pureEd25519RefusesDigestAndEd25519phRefusesRaw() {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);

        assertThatThrownBy(() -> Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.ED25519_SHA_512, MessageType.DIGEST, new byte[64], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.RAW, MESSAGE, TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, new byte[32], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Digest is invalid length for algorithm ED25519_PH_SHA_512.");
    }
}
