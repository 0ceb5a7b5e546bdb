package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cloudtrail.Fixtures;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RsaPublicKeysTest {
    private static final byte[] KEY = SigningKeys.generate(Fixtures.RANDOM).pair().publicKey();

    @Test
    void pkcs1IsTheTwoIntegersInsideTheSubjectPublicKeyInfo() throws Exception {
        byte[] pkcs1 = RsaPublicKeys.toPkcs1(KEY);
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(KEY));

        // For RSA the SubjectPublicKeyInfo ends with the PKCS #1 key, inside a BIT STRING.
        assertThat(KEY).endsWith(pkcs1);
        assertThat(pkcs1[0]).isEqualTo((byte) 0x30);
        assertThat(RsaPublicKeys.fromPkcs1(pkcs1)).isEqualTo(KEY);
        assertThat(key.getPublicExponent().intValue()).isEqualTo(65537);
    }

    @Test
    void aKeyIsReadFromEitherPemOrBase64Form() {
        String spkiPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEY) + "\n-----END PUBLIC KEY-----\n";
        String pkcs1Base64 = Base64.getEncoder().encodeToString(RsaPublicKeys.toPkcs1(KEY));

        assertThat(RsaPublicKeys.parse(spkiPem)).isEqualTo(KEY);
        assertThat(RsaPublicKeys.parse(pkcs1Base64)).isEqualTo(KEY);
    }

    @Test
    void theFingerprintIsTheMd5OfThePkcs1Encoding() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(RsaPublicKeys.toPkcs1(KEY)));

        assertThat(RsaPublicKeys.fingerprint(KEY)).isEqualTo(expected).hasSize(32);
    }

    @Test
    void somethingElseIsNotAKey() {
        assertThatThrownBy(() -> RsaPublicKeys.parse("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
    }
}
