package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00.000Z");
    private static final Instant LATE = Instant.parse("2026-01-01T00:00:00.001Z");

    @Test
    void laterEventsSortFirst() {
        assertThat(EventIds.of(LATE, "b")).isLessThan(EventIds.of(EARLY, "a"));
    }

    @Test
    void theTimeIsReadBackToTheMillisecond() {
        assertThat(EventIds.timeOf(EventIds.of(LATE, "e6f0c1b2"))).isEqualTo(LATE);
    }

    @Test
    void seekingToATimeListsItsEventsAndOlderOnesButNoLaterOnes() {
        String seek = EventIds.seekNewestAtOrBefore(EARLY);

        assertThat(EventIds.of(EARLY, "a")).isGreaterThan(seek);
        assertThat(EventIds.of(EARLY.minusMillis(1), "a")).isGreaterThan(seek);
        assertThat(EventIds.of(LATE, "a")).isLessThan(seek);
    }

    @Test
    void seekingPastATimeSkipsItsOwnEvents() {
        String seek = EventIds.seekOlderThan(EARLY);

        assertThat(EventIds.of(EARLY, "zzzz")).isLessThan(seek);
        assertThat(EventIds.of(EARLY.minusMillis(1), "0000")).isGreaterThan(seek);
    }

    @Test
    void onlyIdsOfTheRightShapeAreWellFormed() {
        assertThat(EventIds.isWellFormed(EventIds.of(EARLY, "x"))).isTrue();
        assertThat(EventIds.isWellFormed("123")).isFalse();
        assertThat(EventIds.isWellFormed("12345678901２3-x")).isFalse();
    }
}
