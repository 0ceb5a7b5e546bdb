package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.TestKeys.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Known-answer tests from the RFCs that define the primitives. */
class PublishedVectorsTest {
    private static final String ED25519_PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";

    /** RFC 4231 section 4.2 (test case 1) and 4.3 (test case 2). */
    @ParameterizedTest
    @CsvSource({
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, Hi There, HMAC_224, HMAC_SHA_224, 896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, Hi There, HMAC_256, HMAC_SHA_256, b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, Hi There, HMAC_384, HMAC_SHA_384, afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, Hi There, HMAC_512, HMAC_SHA_512, 87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
        "4a656665, what do ya want for nothing?, HMAC_224, HMAC_SHA_224, a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
        "4a656665, what do ya want for nothing?, HMAC_256, HMAC_SHA_256, 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "4a656665, what do ya want for nothing?, HMAC_384, HMAC_SHA_384, af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
        "4a656665, what do ya want for nothing?, HMAC_512, HMAC_SHA_512, 164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
    })
    void hmacMatchesRfc4231(String key, String data, KeySpec spec, MacAlgorithm algorithm, String expected) {
        byte[] message = data.getBytes(StandardCharsets.US_ASCII);
        SecretBytes secret = SecretBytes.copyOf(hex(key));

        assertThat(Hmac.compute(spec, secret, algorithm, message)).isEqualTo(hex(expected));
        assertThat(Hmac.verify(spec, secret, algorithm, message, hex(expected))).isTrue();
    }

    /** RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte). */
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    })
    void ed25519MatchesRfc8032(String seed, String publicKey, String message, String expected) {
        SecretBytes pkcs8 = SecretBytes.copyOf(hex(ED25519_PKCS8_PREFIX + seed));
        byte[] spki = hex(ED25519_SPKI_PREFIX + publicKey);

        byte[] signature = Signer.sign(KeySpec.ECC_NIST_EDWARDS25519, pkcs8, SigningAlgorithm.ED25519_SHA_512,
                MessageType.RAW, hex(message), TestKeys.RANDOM);

        assertThat(signature).isEqualTo(hex(expected));
        assertThat(Signer.verify(KeySpec.ECC_NIST_EDWARDS25519, spki, SigningAlgorithm.ED25519_SHA_512,
                MessageType.RAW, hex(message), signature)).isTrue();
    }

    /**
     * RFC 8032 section 7.3 (Ed25519ph of "abc"). KMS only accepts 64-byte DIGEST messages for
     * ED25519_PH_SHA_512, so the vector goes through the signing code below that input check.
     */
    @Test
    void ed25519phMatchesRfc8032() {
        SecretBytes pkcs8 = SecretBytes.copyOf(hex(ED25519_PKCS8_PREFIX + "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42"));

        byte[] signature = Signer.signChecked(KeySpec.ECC_NIST_EDWARDS25519, pkcs8, SigningAlgorithm.ED25519_PH_SHA_512,
                MessageType.DIGEST, hex("616263"), TestKeys.RANDOM);

        assertThat(signature).isEqualTo(hex("98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41"
                + "31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406"));
    }
}
