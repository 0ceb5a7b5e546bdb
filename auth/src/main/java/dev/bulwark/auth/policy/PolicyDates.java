package dev.bulwark.auth.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of Date conditions and of {@code aws:CurrentTime}-like keys.
 *
 * <p>AWS accepts two forms: epoch seconds (digits only) and ISO 8601 in the lenient form of its
 * policy parser: a year, then optionally month and day, then optionally {@code T} with hours,
 * minutes, seconds and a fraction, each optional from the right, and a zone ({@code Z} or an
 * offset {@code +hh}, {@code +hh:mm}, {@code -hh:mm}). Missing fields are the start of their
 * period, a missing zone is UTC. A text with a {@code T} or a {@code -} is read as ISO, anything
 * else as epoch seconds, as AWS does ({@code -292275054} is a year).
 */
final class PolicyDates {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d+");
    private static final Pattern ISO_8601 = Pattern.compile(
            "(-?\\d{1,9})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?"
                    + "(?:[Tt](\\d{1,2})?(?::(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,9}))?)?)?"
                    + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private PolicyDates() {
    }

    static Optional<Instant> parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("t") || lower.contains("-")) {
            return parseIso(text);
        }
        if (!EPOCH_SECONDS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(text);
            return Optional.of(seconds > Instant.MAX.getEpochSecond() ? Instant.MAX : Instant.ofEpochSecond(seconds));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> parseIso(String text) {
        Matcher iso = ISO_8601.matcher(text);
        if (!iso.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), field(iso, 2, 1), field(iso, 3, 1),
                    field(iso, 4, 0), field(iso, 5, 0), field(iso, 6, 0), nanos(iso.group(7)));
            long utcSeconds = local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds(iso.group(8));
            return Optional.of(Instant.ofEpochSecond(utcSeconds, local.getNano()));
        } catch (DateTimeException | NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }

    private static int field(Matcher iso, int group, int absent) {
        String value = iso.group(group);
        return value == null ? absent : Integer.parseInt(value);
    }

    private static int nanos(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    }

    // Computed by hand: AWS accepts offsets up to 23:59, beyond what ZoneOffset allows (18:00).
    private static long offsetSeconds(String zone) {
        if (zone == null || zone.equalsIgnoreCase("z")) {
            return 0;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (hours > 23 || minutes > 59) {
            throw new NumberFormatException("offset out of range");
        }
        return (zone.charAt(0) == '-' ? -1L : 1L) * (hours * 3600L + minutes * 60L);
    }
}
