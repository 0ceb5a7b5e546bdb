package dev.bulwark.secretsmanager.internal.rotation;

import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a secret rotates next, from its rotation rules, in UTC as AWS computes it:
 * <ul>
 *   <li>{@code AutomaticallyAfterDays n} and {@code rate(n days)}: n days after the last
 *       rotation, at the start of that day (the window opens at midnight);</li>
 *   <li>{@code rate(n hours)} (at least 4): n hours after the last rotation, on the hour;</li>
 *   <li>{@code cron(...)}: the next time the expression names ({@link CronExpression}).</li>
 * </ul>
 * Bulwark rotates when the window opens; {@code Duration} is validated and kept, since a
 * rotation at the window's start is inside any window.
 */
public final class RotationSchedule {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)h");
    private static final int MIN_RATE_HOURS = 4;

    private final Duration every;
    private final boolean daily;
    private final CronExpression cron;

    private RotationSchedule(Duration every, boolean daily, CronExpression cron) {
        this.every = every;
        this.daily = daily;
        this.cron = cron;
    }

    /** The schedule of a rotation configuration, or throws AWS's InvalidParameterException for a bad rule. */
    public static RotationSchedule of(Long automaticallyAfterDays, String scheduleExpression, String duration) {
        if (automaticallyAfterDays != null && scheduleExpression != null) {
            throw SecretsErrors.invalidParameter("You can't specify both AutomaticallyAfterDays and ScheduleExpression.");
        }
        if (duration != null) {
            Matcher hours = DURATION.matcher(duration);
            if (!hours.matches() || Integer.parseInt(hours.group(1)) < 1 || Integer.parseInt(hours.group(1)) > 24) {
                throw SecretsErrors.invalidParameter("The Duration must be between 1h and 24h.");
            }
        }
        if (automaticallyAfterDays != null) {
            return new RotationSchedule(Duration.ofDays(automaticallyAfterDays), true, null);
        }
        Matcher rate = RATE.matcher(scheduleExpression.trim());
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            boolean days = rate.group(2).startsWith("day");
            if (n < 1 || (!days && n < MIN_RATE_HOURS) || (days && n > 1000)) {
                throw SecretsErrors.invalidParameter("The rotation interval in ScheduleExpression is out of range: " + scheduleExpression);
            }
            return new RotationSchedule(days ? Duration.ofDays(n) : Duration.ofHours(n), days, null);
        }
        Matcher cronMatcher = CRON.matcher(scheduleExpression.trim());
        if (cronMatcher.matches()) {
            try {
                return new RotationSchedule(null, false, CronExpression.parse(cronMatcher.group(1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException invalid) {
                throw SecretsErrors.invalidParameter("Invalid cron expression in ScheduleExpression: " + invalid.getMessage());
            }
        }
        throw SecretsErrors.invalidParameter("ScheduleExpression must be a rate() or cron() expression.");
    }

    public static RotationSchedule of(SecretRecord.RotationConfig rotation) {
        return of(rotation.automaticallyAfterDays(), rotation.scheduleExpression(), rotation.duration());
    }

    /** The next rotation after one at {@code last} (or after {@code now}, for cron schedules). */
    public Instant next(Instant last, Instant now) {
        if (cron != null) {
            return cron.next(now.atZone(ZoneOffset.UTC)).map(time -> time.toInstant())
                    .orElseThrow(() -> SecretsErrors.invalidParameter("The cron expression in ScheduleExpression names no future time."));
        }
        Instant next = last.plus(every);
        return next.truncatedTo(daily ? ChronoUnit.DAYS : ChronoUnit.HOURS);
    }
}
