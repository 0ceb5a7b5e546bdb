package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.SignResponse;

/**
 * Interoperability of Sign: every signing algorithm of every key spec, with MessageType RAW and
 * DIGEST, signed by Bulwark through the AWS SDK and verified outside it with java.security (Bouncy
 * Castle where the JDK has no such curve) using only the key GetPublicKey returns.
 */
class KmsSigningEndToEndTest {
    private static final byte[] MESSAGE = "test message 123 !%$@ 1234567890".getBytes(StandardCharsets.UTF_8);
    private static final Provider BC = new BouncyCastleProvider();
    /** Every signing key spec with the algorithms AWS lists for it. */
    private static final Map<String, List<String>> ALGORITHMS = Map.of(
            "RSA_2048", List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
                    "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"),
            "RSA_3072", List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
                    "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"),
            "RSA_4096", List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
                    "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"),
            "ECC_NIST_P256", List.of("ECDSA_SHA_256"),
            "ECC_NIST_P384", List.of("ECDSA_SHA_384"),
            "ECC_NIST_P521", List.of("ECDSA_SHA_512"),
            "ECC_SECG_P256K1", List.of("ECDSA_SHA_256"),
            "SM2", List.of("SM2DSA"),
            "ECC_NIST_EDWARDS25519", List.of("ED25519_SHA_512", "ED25519_PH_SHA_512"));

    private static BulwarkTestServer server;
    private static KmsClient kms;
    private static final Map<String, KeyMetadata> KEYS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
        ALGORITHMS.keySet().parallelStream().forEach(spec -> KEYS.put(spec,
                kms.createKey(request -> request.keySpec(spec).keyUsage("SIGN_VERIFY")).keyMetadata()));
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    static Stream<Arguments> specsAndAlgorithms() {
        List<Arguments> all = new ArrayList<>();
        ALGORITHMS.forEach((spec, algorithms) -> algorithms.forEach(algorithm -> all.add(Arguments.of(spec, algorithm))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("specsAndAlgorithms")
    void describeKeyListsTheAlgorithmsThatSign(String spec, String algorithm) {
        assertThat(KEYS.get(spec).signingAlgorithmsAsStrings()).containsExactlyInAnyOrderElementsOf(ALGORITHMS.get(spec));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("specsAndAlgorithms")
    void aRawSignatureVerifiesOutsideBulwarkWithThePublicKey(String spec, String algorithm) throws Exception {
        if (algorithm.equals("ED25519_PH_SHA_512")) {
            return; // DIGEST only, as AWS pairs it
        }
        KeyMetadata key = KEYS.get(spec);

        SignResponse signed = kms.sign(request -> request.keyId(key.keyId()).signingAlgorithm(algorithm).messageType("RAW")
                .message(SdkBytes.fromByteArray(MESSAGE)));

        assertThat(signed.keyId()).isEqualTo(key.arn());
        assertThat(verifyOutside(spec, algorithm, publicKey(key), MESSAGE, signed.signature().asByteArray())).isTrue();
        assertThat(verifyOutside(spec, algorithm, publicKey(key), "another message".getBytes(StandardCharsets.UTF_8),
                signed.signature().asByteArray())).isFalse();
        assertThat(kms.verify(request -> request.keyId(key.keyId()).signingAlgorithm(algorithm).message(SdkBytes.fromByteArray(MESSAGE))
                .signature(signed.signature())).signatureValid()).isTrue();
        // Recorded: test_sign_verify bad-signature
        byte[] altered = signed.signature().asByteArray();
        altered[altered.length / 2] ^= 1;
        assertKmsError(() -> kms.verify(request -> request.keyId(key.keyId()).signingAlgorithm(algorithm)
                .message(SdkBytes.fromByteArray(MESSAGE)).signature(SdkBytes.fromByteArray(altered))), "KMSInvalidSignatureException", null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("specsAndAlgorithms")
    void aDigestSignatureVerifiesOutsideBulwarkOverTheMessageItHashes(String spec, String algorithm) throws Exception {
        if (algorithm.equals("ED25519_SHA_512")) {
            return; // RAW only, as AWS pairs it
        }
        KeyMetadata key = KEYS.get(spec);
        PublicKey publicKey = publicKey(key);
        byte[] digest = digest(algorithm, publicKey, MESSAGE);

        SignResponse signed = kms.sign(request -> request.keyId(key.keyId()).signingAlgorithm(algorithm).messageType("DIGEST")
                .message(SdkBytes.fromByteArray(digest)));

        // Ed25519ph signs its 64-byte input with its own pre-hash, so the input is what it verifies over.
        byte[] signedOver = algorithm.equals("ED25519_PH_SHA_512") ? digest : MESSAGE;
        assertThat(verifyOutside(spec, algorithm, publicKey, signedOver, signed.signature().asByteArray())).isTrue();
        assertThat(kms.verify(request -> request.keyId(key.keyId()).signingAlgorithm(algorithm).messageType("DIGEST")
                .message(SdkBytes.fromByteArray(digest)).signature(signed.signature())).signatureValid()).isTrue();
    }

    @Test
    void aDigestOfTheWrongLengthIsRefusedAsAwsWordsIt() {
        KeyMetadata key = KEYS.get("ECC_NIST_P256");

        // Recorded: test_sign_verify[ECC_NIST_P256-ECDSA_SHA_256] bad-digest
        assertKmsError(() -> kms.sign(request -> request.keyId(key.keyId()).signingAlgorithm("ECDSA_SHA_256").messageType("DIGEST")
                .message(SdkBytes.fromByteArray(new byte[48]))), "ValidationException", "Digest is invalid length for algorithm ECDSA_SHA_256.");
    }

    @Test
    void theAuditTrailNamesTheKeyAndNeverTheMessage() {
        KeyMetadata key = KEYS.get("ECC_NIST_P384");
        byte[] secretMessage = "never in the audit trail".getBytes(StandardCharsets.UTF_8);

        kms.sign(request -> request.keyId(key.keyId()).signingAlgorithm("ECDSA_SHA_384").message(SdkBytes.fromByteArray(secretMessage)));

        CallRecord sign = server.auditRecords().stream().filter(record -> record.eventName().equals("Sign")
                && record.resources().contains(key.arn())).reduce((first, second) -> second).orElseThrow();
        assertThat(sign.readOnly()).isTrue();
        assertThat(sign.requestParameters().orElseThrow().toString())
                .contains("ECDSA_SHA_384")
                .doesNotContain(Base64.getEncoder().encodeToString(secretMessage));
    }

    private static PublicKey publicKey(KeyMetadata key) throws Exception {
        byte[] spki = kms.getPublicKey(request -> request.keyId(key.keyId())).publicKey().asByteArray();
        String spec = key.keySpecAsString();
        KeyFactory factory = switch (spec) {
            case "ECC_NIST_EDWARDS25519" -> KeyFactory.getInstance("Ed25519");
            case "RSA_2048", "RSA_3072", "RSA_4096" -> KeyFactory.getInstance("RSA");
            case "ECC_SECG_P256K1", "SM2" -> KeyFactory.getInstance("EC", BC);
            default -> KeyFactory.getInstance("EC");
        };
        return factory.generatePublic(new X509EncodedKeySpec(spki));
    }

    /** What a client sends as a DIGEST message for {@code message}. */
    private static byte[] digest(String algorithm, PublicKey publicKey, byte[] message) throws Exception {
        if (algorithm.equals("SM2DSA")) {
            return sm2Digest((ECPublicKey) publicKey, message);
        }
        String hash = algorithm.endsWith("256") ? "SHA-256" : algorithm.endsWith("384") ? "SHA-384" : "SHA-512";
        return MessageDigest.getInstance(hash).digest(message);
    }

    private static boolean verifyOutside(String spec, String algorithm, PublicKey publicKey, byte[] message, byte[] signature)
            throws Exception {
        String bits = algorithm.substring(algorithm.length() - 3);
        Signature verifier;
        if (algorithm.startsWith("RSASSA_PSS")) {
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits),
                    Integer.parseInt(bits) / 8, PSSParameterSpec.TRAILER_FIELD_BC));
        } else if (algorithm.startsWith("RSASSA_PKCS1")) {
            verifier = Signature.getInstance("SHA" + bits + "withRSA");
        } else if (algorithm.startsWith("ECDSA")) {
            verifier = spec.equals("ECC_SECG_P256K1")
                    ? Signature.getInstance("SHA256withECDSA", BC)
                    : Signature.getInstance("SHA" + bits + "withECDSA");
        } else if (algorithm.equals("SM2DSA")) {
            verifier = Signature.getInstance("SM3withSM2", BC);
        } else {
            verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.setParameter(new EdDSAParameterSpec(algorithm.equals("ED25519_PH_SHA_512")));
            verifier.update(message);
            return verifier.verify(signature);
        }
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** SM3(Z_A || M) with the default distinguishing ID 1234567812345678 (GM/T 0009), as AWS documents the SM2 DIGEST. */
    private static byte[] sm2Digest(ECPublicKey key, byte[] message) {
        X9ECParameters sm2 = GMNamedCurves.getByName("sm2p256v1");
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
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
