package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/**
 * SM2DSA and SM2PKE against an independent Bouncy Castle (its JCA {@code SM3withSM2}, which uses
 * the default distinguishing ID), and the DIGEST form as AWS's SM2OfflineOperationHelper
 * computes it.
 */
class Sm2Test {
    private static final KeySpec SPEC = KeySpec.SM2;
    private static final byte[] MESSAGE = "contract #42".getBytes(StandardCharsets.UTF_8);

    @Test
    void rawSignatureVerifiesWithBouncyCastleAndTheDefaultId() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);

        byte[] signature = Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE, TestKeys.RANDOM);

        assertThat(outsideVerify(pair.publicKey(), MESSAGE, signature)).isTrue();
    }

    @Test
    void bouncyCastleSignatureVerifiesInBothMessageTypes() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);
        Signature outside = Signature.getInstance("SM3withSM2", TestKeys.BC);
        outside.initSign(TestKeys.outsidePrivateKey(SPEC, pair.privateKey()));
        outside.update(MESSAGE);
        byte[] signature = outside.sign();

        assertThat(Signer.verify(SPEC, pair.publicKey(), SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE, signature)).isTrue();
        assertThat(Signer.verify(SPEC, pair.publicKey(), SigningAlgorithm.SM2DSA, MessageType.DIGEST, awsSm2Digest(pair.publicKey(), MESSAGE), signature)).isTrue();
        assertThat(Signer.verify(SPEC, pair.publicKey(), SigningAlgorithm.SM2DSA, MessageType.RAW, "contract #43".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void digestSignatureOverAwsStyleDigestVerifiesOverTheMessage() throws Exception {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);
        byte[] digest = awsSm2Digest(pair.publicKey(), MESSAGE);

        byte[] signature = Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.SM2DSA, MessageType.DIGEST, digest, TestKeys.RANDOM);

        assertThat(outsideVerify(pair.publicKey(), MESSAGE, signature)).isTrue();
        assertThatThrownBy(() -> Signer.sign(SPEC, pair.privateKey(), SigningAlgorithm.SM2DSA, MessageType.DIGEST, new byte[20], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void encryptionRoundTripsInTheGmT0009Format() {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);
        byte[] plaintext = new byte[1024];
        TestKeys.RANDOM.nextBytes(plaintext);

        byte[] ciphertext = AsymmetricCipher.encrypt(SPEC, pair.publicKey(), EncryptionAlgorithm.SM2PKE, plaintext, TestKeys.RANDOM);

        ASN1Sequence fields = ASN1Sequence.getInstance(ciphertext);
        assertThat(fields.size()).isEqualTo(4);
        assertThat(ASN1OctetString.getInstance(fields.getObjectAt(2)).getOctets()).hasSize(32);
        assertThat(ASN1OctetString.getInstance(fields.getObjectAt(3)).getOctets()).hasSize(plaintext.length);
        assertThat(bytes(AsymmetricCipher.decrypt(SPEC, pair.privateKey(), EncryptionAlgorithm.SM2PKE, ciphertext))).isEqualTo(plaintext);
        assertThatThrownBy(() -> AsymmetricCipher.encrypt(SPEC, pair.publicKey(), EncryptionAlgorithm.SM2PKE, new byte[1025], TestKeys.RANDOM))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tamperedCiphertextFails() {
        AsymmetricKeyPair pair = TestKeys.pair(SPEC);
        byte[] ciphertext = AsymmetricCipher.encrypt(SPEC, pair.publicKey(), EncryptionAlgorithm.SM2PKE, MESSAGE, TestKeys.RANDOM);
        ciphertext[ciphertext.length - 1] ^= 1;

        assertThatThrownBy(() -> AsymmetricCipher.decrypt(SPEC, pair.privateKey(), EncryptionAlgorithm.SM2PKE, ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> AsymmetricCipher.decrypt(SPEC, pair.privateKey(), EncryptionAlgorithm.SM2PKE, new byte[] {1, 2, 3}))
                .isInstanceOf(DecryptionFailedException.class);
    }

    private static boolean outsideVerify(byte[] spki, byte[] message, byte[] signature) throws Exception {
        Signature outside = Signature.getInstance("SM3withSM2", TestKeys.BC);
        outside.initVerify(TestKeys.outsidePublicKey(SPEC, spki));
        outside.update(message);
        return outside.verify(signature);
    }

    /** SM3(Z_A || M) with the default ID, written out as AWS's SM2OfflineOperationHelper does it. */
    private static byte[] awsSm2Digest(byte[] spki, byte[] message) throws Exception {
        X9ECParameters sm2 = GMNamedCurves.getByName("sm2p256v1");
        ECPublicKey key = (ECPublicKey) TestKeys.outsidePublicKey(SPEC, spki);
        byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        int idBits = id.length * 8;
        byte[] za = sm3(ByteBuffer.allocate(2 + id.length + 6 * 32)
                .put((byte) (idBits >> 8)).put((byte) idBits).put(id)
                .put(sm2.getCurve().getA().getEncoded()).put(sm2.getCurve().getB().getEncoded())
                .put(sm2.getG().getAffineXCoord().getEncoded()).put(sm2.getG().getAffineYCoord().getEncoded())
                .put(key.getQ().getAffineXCoord().getEncoded()).put(key.getQ().getAffineYCoord().getEncoded())
                .array());
        return sm3(ByteBuffer.allocate(za.length + message.length).put(za).put(message).array());
    }

    private static byte[] sm3(byte[] input) {
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
