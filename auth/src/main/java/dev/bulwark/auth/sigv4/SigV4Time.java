package dev.bulwark.auth.sigv4;

import dev.bulwark.auth.AuthenticationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** SigV4 timestamps: ISO 8601 basic format in UTC ({@code 20150830T123600Z}). */
final class SigV4Time {
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    private SigV4Time() {
    }

    /** Parses an {@code X-Amz-Date} value, or refuses it with AWS's message. */
    static Instant parseBasic(String text) {
        try {
            return LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw notBasicFormat(text);
        }
    }

    /**
     * Parses a {@code Date} header: AWS accepts the basic format there too, and HTTP's own
     * RFC 1123 format.
     */
    static Instant parseDateHeader(String text) {
        try {
            return LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notBasic) {
            try {
                return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text));
            } catch (DateTimeParseException notRfc1123) {
                throw notBasicFormat(text);
            }
        }
    }

    static String basic(Instant instant) {
        return BASIC.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The {@code YYYYMMDD} a credential scope must carry for this instant. */
    static String day(Instant instant) {
        return DAY.format(instant);
    }

    private static AuthenticationException notBasicFormat(String text) {
        return AuthenticationException.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '"
                + text + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
}
