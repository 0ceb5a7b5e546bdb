package dev.bulwark.kms.internal.cryptography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionContextsTest {

    @Test
    void contextsThatNaiveConcatenationWouldConfuseEncodeDifferently() {
        assertThat(EncryptionContexts.canonical(Map.of("a", "bc"))).isNotEqualTo(EncryptionContexts.canonical(Map.of("ab", "c")));
        assertThat(EncryptionContexts.canonical(Map.of("a", "b", "c", "d")))
                .isNotEqualTo(EncryptionContexts.canonical(Map.of("a", "b\u0000\u0000\u0000\u0001c")));
        assertThat(EncryptionContexts.canonical(Map.of("", "ab"))).isNotEqualTo(EncryptionContexts.canonical(Map.of("ab", "")));
    }

    @Test
    void theOrderPairsWereSentInDoesNotMatter() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("purpose", "test");
        forward.put("department", "10");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("department", "10");
        backward.put("purpose", "test");

        assertThat(EncryptionContexts.canonical(forward)).isEqualTo(EncryptionContexts.canonical(backward));
    }

    @Test
    void noContextAndAnEmptyContextAreTheSame() {
        assertThat(EncryptionContexts.canonical(null)).isEqualTo(EncryptionContexts.canonical(Map.of())).containsExactly(0, 0, 0, 0);
    }

    @Test
    void keysAreSortedByTheirUtf8BytesAndLengthPrefixed() {
        assertThat(EncryptionContexts.canonical(Map.of("b", "2", "a", "1"))).containsExactly(
                0, 0, 0, 2,
                0, 0, 0, 1, 'a', 0, 0, 0, 1, '1',
                0, 0, 0, 1, 'b', 0, 0, 0, 1, '2');
        // Byte order, not Java's UTF-16 order: U+10000 (F0 90 80 80) sorts after U+FF21 (EF BC A1), though its
        // surrogate D800 sorts before FF21 in UTF-16, so another implementation following the format agrees with this one.
        byte[] encoded = EncryptionContexts.canonical(Map.of("\uFF21", "x", "\uD800\uDC00", "y"));
        assertThat(encoded[8]).isEqualTo((byte) 0xEF);
    }
}
