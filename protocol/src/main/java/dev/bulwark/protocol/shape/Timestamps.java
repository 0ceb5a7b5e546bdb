package dev.bulwark.protocol.shape;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The timestamp encodings the AWS protocols use. JSON protocols default to epoch seconds
 * with a fractional part; query, XML and headers use ISO-8601 or RFC 822 (HTTP dates).
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Epoch seconds with millisecond fraction and no trailing zeros: {@code 1704067200.5}. */
    public static BigDecimal toEpochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    public static Instant fromEpochSeconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    /** ISO-8601 in UTC with milliseconds, as AWS's XML protocols write it: {@code 2024-01-01T00:00:00.000Z}. */
    public static String toIso8601(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Parses ISO-8601 with or without fraction or offset. Throws DateTimeException when it is not one. */
    public static Instant fromIso8601(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException notUtc) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        }
    }

    /** An HTTP date, as AWS writes RFC 822 timestamps: {@code Mon, 01 Jan 2024 00:00:00 GMT}. */
    public static String toRfc822(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    public static Instant fromRfc822(String text) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text, Instant::from);
    }
}
