package dev.bulwark.store.seal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.store.RecordKey;
import org.junit.jupiter.api.Test;

class AssociatedDataTest {

    @Test
    void keysThatConcatenateAlikeStillBindDifferently() {
        byte[] first = AssociatedData.of(new byte[0], new RecordKey("kms.key", "a", "bc"));
        byte[] second = AssociatedData.of(new byte[0], new RecordKey("kms.key", "ab", "c"));
        byte[] third = AssociatedData.of(new byte[0], new RecordKey("kms.keya", "", "bc"));

        assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
        assertThat(second).isNotEqualTo(third);
    }
}
