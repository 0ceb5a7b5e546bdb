package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.SecretBytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.NullDigest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures and encryption as AWS KMS does them, with Bouncy Castle's lightweight API (the
 * only request-path class that uses it, so nothing else loads it).
 *
 * <p>SM2DSA signs e = SM3(Z_A || M), where Z_A hashes the distinguishing ID, the curve and the
 * public key. For RAW messages KMS uses the default ID {@code 1234567812345678} (GM/T 0009); a
 * DIGEST message <em>is</em> e, computed by the caller with whatever ID they chose, so it is signed
 * as is. Bouncy Castle's {@link SM2Signer} always prepends Z_A; {@link PrecomputedDigestSigner}
 * turns that off by reporting an empty Z_A and passing the 32 bytes through a {@link NullDigest}.
 * Signatures are DER {@code SEQUENCE {r, s}}, as KMS returns them.
 *
 * <p>SM2PKE ciphertexts are the GM/T 0009 ASN.1 structure {@code SEQUENCE {x INTEGER, y INTEGER,
 * hash OCTET STRING, ciphertext OCTET STRING}} (C1, C3, C2), which AWS documents as the format it
 * accepts and returns (its {@code SM2OfflineOperationHelper} converts Bouncy Castle's raw output to
 * it).
 */
final class Sm2 {
    static final byte[] DEFAULT_DISTINGUISHING_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final int COORDINATE_LENGTH = 32;
    private static final int SM3_LENGTH = 32;

    private Sm2() {
    }

    static byte[] sign(SecretBytes pkcs8, MessageType type, byte[] message, SecureRandom random) {
        ECPrivateKeyParameters key = privateParameters(pkcs8);
        SM2Signer signer = signer(type);
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), DEFAULT_DISTINGUISHING_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    static boolean verify(byte[] spki, MessageType type, byte[] message, byte[] signature) {
        ECPublicKeyParameters key = publicParameters(spki);
        SM2Signer signer = signer(type);
        signer.init(false, new ParametersWithID(key, DEFAULT_DISTINGUISHING_ID));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    static byte[] encrypt(byte[] spki, byte[] plaintext, SecureRandom random) {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(publicParameters(spki), random));
        try {
            byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
            return toAsn1(raw);
        } catch (InvalidCipherTextException | IOException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    static SecretBytes decrypt(SecretBytes pkcs8, byte[] ciphertext) {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, privateParameters(pkcs8));
        byte[] plain = null;
        try {
            byte[] raw = fromAsn1(ciphertext);
            plain = engine.processBlock(raw, 0, raw.length);
            return SecretBytes.copyOf(plain);
        } catch (InvalidCipherTextException | RuntimeException e) {
            // Bad structure, a point off the curve, a wrong C3: all the same to the caller.
            throw new DecryptionFailedException();
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static SM2Signer signer(MessageType type) {
        return type == MessageType.DIGEST ? new PrecomputedDigestSigner() : new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
    }

    private static ECPrivateKeyParameters privateParameters(SecretBytes pkcs8) {
        try {
            return (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(Keys.privateKey(KeySpec.SM2, pkcs8));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A decoded SM2 key was refused by Bouncy Castle", e);
        }
    }

    private static ECPublicKeyParameters publicParameters(byte[] spki) {
        try {
            return (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(Keys.publicKey(KeySpec.SM2, spki));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A decoded SM2 key was refused by Bouncy Castle", e);
        }
    }

    /** C1 (04 || x || y) || C3 || C2 to the GM/T 0009 SEQUENCE. */
    private static byte[] toAsn1(byte[] raw) throws IOException {
        int c1 = 1 + 2 * COORDINATE_LENGTH;
        ASN1EncodableVector fields = new ASN1EncodableVector(4);
        fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + COORDINATE_LENGTH))));
        fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + COORDINATE_LENGTH, c1))));
        fields.add(new DEROctetString(Arrays.copyOfRange(raw, c1, c1 + SM3_LENGTH)));
        fields.add(new DEROctetString(Arrays.copyOfRange(raw, c1 + SM3_LENGTH, raw.length)));
        return new DERSequence(fields).getEncoded("DER");
    }

    /** The GM/T 0009 SEQUENCE back to C1 || C3 || C2; throws on anything else. */
    private static byte[] fromAsn1(byte[] der) {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw new IllegalArgumentException("not DER");
        }
        if (sequence.size() != 4) {
            throw new IllegalArgumentException("not an SM2 ciphertext");
        }
        ASN1Encodable[] parts = sequence.toArray();
        byte[] x = BigIntegers.asUnsignedByteArray(COORDINATE_LENGTH, ASN1Integer.getInstance(parts[0]).getPositiveValue());
        byte[] y = BigIntegers.asUnsignedByteArray(COORDINATE_LENGTH, ASN1Integer.getInstance(parts[1]).getPositiveValue());
        byte[] hash = ASN1OctetString.getInstance(parts[2]).getOctets();
        byte[] body = ASN1OctetString.getInstance(parts[3]).getOctets();
        if (hash.length != SM3_LENGTH || body.length == 0) {
            throw new IllegalArgumentException("not an SM2 ciphertext");
        }
        byte[] raw = new byte[1 + 2 * COORDINATE_LENGTH + SM3_LENGTH + body.length];
        raw[0] = 0x04;
        System.arraycopy(x, 0, raw, 1, COORDINATE_LENGTH);
        System.arraycopy(y, 0, raw, 1 + COORDINATE_LENGTH, COORDINATE_LENGTH);
        System.arraycopy(hash, 0, raw, 1 + 2 * COORDINATE_LENGTH, SM3_LENGTH);
        System.arraycopy(body, 0, raw, 1 + 2 * COORDINATE_LENGTH + SM3_LENGTH, body.length);
        return raw;
    }

    /** An SM2 signer whose "message" is the finished e = SM3(Z_A || M). */
    private static final class PrecomputedDigestSigner extends SM2Signer {
        PrecomputedDigestSigner() {
            super(StandardDSAEncoding.INSTANCE, new NullDigest());
        }

        @Override
        protected byte[] getZ(byte[] userID) {
            return new byte[0];
        }
    }
}
