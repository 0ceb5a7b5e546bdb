package dev.bulwark.iam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagingTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    @Test
    void pagesContinueAfterTheLastItemReturned() {
        Paging.Result<String> first = Paging.of(null, 2).page(NAMES, Function.identity());
        Paging.Result<String> second = Paging.of(first.marker().orElseThrow(), 2).page(NAMES, Function.identity());
        Paging.Result<String> last = Paging.of(second.marker().orElseThrow(), 2).page(NAMES, Function.identity());

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.truncated()).isTrue();
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(last.items()).containsExactly("e");
        assertThat(last.truncated()).isFalse();
        assertThat(last.marker()).isEmpty();
    }

    @Test
    void aFullLastPageIsNotTruncated() {
        Paging.Result<String> page = Paging.of(null, 5).page(NAMES, Function.identity());

        assertThat(page.truncated()).isFalse();
        assertThat(page.marker()).isEmpty();
    }

    @Test
    void aMarkerStillWorksWhenItsItemWasDeleted() {
        String marker = Paging.of(null, 2).page(NAMES, Function.identity()).marker().orElseThrow();

        Paging.Result<String> next = Paging.of(marker, 2).page(List.of("a", "c", "d", "e"), Function.identity());

        assertThat(next.items()).containsExactly("c", "d");
    }
}
