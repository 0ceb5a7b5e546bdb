package dev.bulwark.store.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdRangeTest {

    @Test
    void aPrefixRangeHoldsExactlyTheIdsStartingWithIt() {
        IdRange range = IdRange.of("key/", "");

        assertThat(range.contains(IdRange.utf8("key/"))).isTrue();
        assertThat(range.contains(IdRange.utf8("key/\uD83D\uDE00"))).isTrue();
        assertThat(range.contains(IdRange.utf8("key0"))).isFalse();
        assertThat(range.contains(IdRange.utf8("key"))).isFalse();
    }

    @Test
    void anEmptyPrefixHoldsEveryId() {
        IdRange range = IdRange.of("", "");

        assertThat(range.contains(IdRange.utf8(""))).isTrue();
        assertThat(range.contains(IdRange.utf8("\uDBFF\uDFFF"))).isTrue(); // U+10FFFF, the largest code point
    }

    @Test
    void pagingStartsJustAfterTheGivenIdButNeverBeforeThePrefix() {
        IdRange afterA = IdRange.of("", "a");
        IdRange beforePrefix = IdRange.of("m", "a");

        assertThat(afterA.contains(IdRange.utf8("a"))).isFalse();
        assertThat(afterA.contains(IdRange.utf8("a\u0000"))).isTrue();
        assertThat(beforePrefix.from()).isEqualTo(IdRange.utf8("m"));
    }
}
