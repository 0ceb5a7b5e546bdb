package dev.bulwark.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesKeyWrapPadTest {
    private static final SecretBytes RFC_KEK = SecretBytes.copyOf(hex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8"));

    /** RFC 5649 section 6: a 20-octet and a 7-octet key under a 192-bit KEK. */
    @ParameterizedTest
    @CsvSource({
        "c37b7e6492584340bed12207808941155068f738, 138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a",
        "466f7250617369, afbeb0f07dfbf5419200f2ccb50bb24f",
    })
    void matchesRfc5649(String key, String wrapped) {
        assertThat(AesKeyWrapPad.wrap(RFC_KEK, SecretBytes.copyOf(hex(key)))).isEqualTo(hex(wrapped));
        assertThat(AesKeyWrapPad.unwrap(RFC_KEK, hex(wrapped)).toByteArray(InsecureSecretAccess.get())).isEqualTo(hex(key));
    }

    @Test
    void tamperedWrappingFailsIntegrityCheck() {
        byte[] wrapped = hex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a");
        wrapped[20] ^= 1;

        assertThatThrownBy(() -> AesKeyWrapPad.unwrap(RFC_KEK, wrapped)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void wrongKekFailsIntegrityCheck() {
        SecretBytes otherKek = SecretBytes.copyOf(hex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a9"));

        assertThatThrownBy(() -> AesKeyWrapPad.unwrap(otherKek, hex("afbeb0f07dfbf5419200f2ccb50bb24f")))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void truncatedWrappingIsRejectedBeforeDecrypting() {
        assertThatThrownBy(() -> AesKeyWrapPad.unwrap(RFC_KEK, hex("afbeb0f07dfbf541")))
                .isInstanceOf(DecryptionFailedException.class);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
