package dev.bulwark.secretsmanager.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static ZonedDateTime next(String expression, String after) {
        return CronExpression.parse(expression).next(ZonedDateTime.parse(after)).orElseThrow();
    }

    @Test
    void namesTimesAsAwsCronDoes() {
        assertThat(next("0 16 1,15 * ? *", "2026-01-15T10:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-01-15T16:00:00Z"));
        assertThat(next("0 16 1,15 * ? *", "2026-01-15T16:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-02-01T16:00:00Z"));
        assertThat(next("0/15 * * * ? *", "2026-01-15T10:07:00Z")).isEqualTo(ZonedDateTime.parse("2026-01-15T10:15:00Z"));
        assertThat(next("0 8 ? * MON-FRI *", "2026-01-17T09:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-01-19T08:00:00Z"));
        assertThat(next("0 0 L * ? *", "2026-02-10T00:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-02-28T00:00:00Z"));
        assertThat(next("0 12 ? * 2#1 *", "2026-01-15T00:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-02-02T12:00:00Z"));
        assertThat(next("30 4 ? * 6L 2027", "2026-01-15T00:00:00Z")).isEqualTo(ZonedDateTime.parse("2027-01-29T04:30:00Z"));
        assertThat(next("0 9 15W * ? *", "2026-03-01T00:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-03-16T09:00:00Z"));
    }

    @Test
    void malformedExpressionsAreRefused() {
        assertThatThrownBy(() -> CronExpression.parse("0 16 * * *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CronExpression.parse("0 16 1 * MON *")).hasMessageContaining("?");
        assertThatThrownBy(() -> CronExpression.parse("61 16 1 * ? *")).hasMessageContaining("out of range");
    }

    @Test
    void aScheduleInThePastNamesNoTime() {
        assertThat(CronExpression.parse("0 0 1 1 ? 2020").next(ZonedDateTime.parse("2026-01-01T00:00:00Z"))).isEmpty();
    }
}
