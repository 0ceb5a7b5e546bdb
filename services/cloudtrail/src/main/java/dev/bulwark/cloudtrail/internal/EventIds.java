package dev.bulwark.cloudtrail.internal;

import java.time.Instant;

/**
 * Ids of stored events, designed so that the store's one listing order (ascending id) is the
 * order LookupEvents needs: newest first. An id is the event time as <em>inverted</em> epoch
 * milliseconds ({@code 9999999999999 - millis}, zero-padded to 13 digits), a dash and the event
 * id: a later event has a smaller number and sorts first, and a time range is one contiguous
 * run of ids, found by seeking instead of scanning.
 */
public final class EventIds {
    private static final long LATEST = 9_999_999_999_999L;
    private static final int DIGITS = 13;

    private EventIds() {
    }

    public static String of(Instant eventTime, String eventId) {
        return invertedMillis(eventTime.toEpochMilli()) + "-" + eventId;
    }

    /**
     * The position to list after so that the first event listed is the newest one at or before
     * {@code time}: every id of an event at {@code time} extends this prefix and so sorts after it.
     */
    public static String seekNewestAtOrBefore(Instant time) {
        return invertedMillis(time.toEpochMilli());
    }

    /**
     * The position to list after so that only events strictly older than {@code time} follow:
     * the dash of every id at {@code time} sorts below {@code '~'}.
     */
    public static String seekOlderThan(Instant time) {
        return invertedMillis(time.toEpochMilli()) + "~";
    }

    /** The event time an id encodes, to the millisecond. */
    public static Instant timeOf(String id) {
        return Instant.ofEpochMilli(LATEST - Long.parseLong(id.substring(0, DIGITS)));
    }

    /** Whether a string has the shape of an event id (NextToken values are checked with it). */
    public static boolean isWellFormed(String id) {
        if (id.length() <= DIGITS + 1 || id.charAt(DIGITS) != '-') {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String invertedMillis(long epochMillis) {
        long inverted = LATEST - Math.max(0, Math.min(LATEST, epochMillis));
        String digits = Long.toString(inverted);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }
}
