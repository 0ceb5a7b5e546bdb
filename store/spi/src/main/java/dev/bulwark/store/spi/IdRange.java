package dev.bulwark.store.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte range of ids that a listing covers: {@code from <= id < to}, comparing the ids'
 * UTF-8 bytes as unsigned bytes. Backends store ids as bytes and compare them bytewise, so
 * every backend lists in the same order whatever its collation rules; one half-open range
 * expresses both the id prefix and the paging position, which keeps the SQL to a single
 * statement.
 *
 * <p>Two facts make the bounds exact: the smallest byte string greater than {@code s} is
 * {@code s || 0x00}, and UTF-8 never contains the byte {@code 0xFF}, so the ids starting with
 * a prefix are exactly those below the prefix with its last byte incremented, and every id is
 * below {@code 0xFF}.
 */
public record IdRange(byte[] from, byte[] to) {

    private static final byte[] ABOVE_EVERY_ID = {(byte) 0xFF};

    /**
     * @param idPrefix ids must start with this (empty: any id)
     * @param afterId ids must sort after this (null or empty: from the first id)
     */
    public static IdRange of(String idPrefix, String afterId) {
        byte[] prefix = utf8(idPrefix);
        byte[] from = prefix;
        if (afterId != null && !afterId.isEmpty()) {
            byte[] after = utf8(afterId);
            byte[] justAfter = Arrays.copyOf(after, after.length + 1);
            if (Arrays.compareUnsigned(justAfter, prefix) > 0) {
                from = justAfter;
            }
        }
        return new IdRange(from, prefixEnd(prefix));
    }

    /** The bytes a backend stores for an id. */
    public static byte[] utf8(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** The id a backend stored as bytes. */
    public static String id(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] prefixEnd(byte[] prefix) {
        if (prefix.length == 0) {
            return ABOVE_EVERY_ID;
        }
        byte[] end = prefix.clone();
        end[end.length - 1]++; // never overflows: UTF-8 has no 0xFF byte
        return end;
    }

    /** Whether an id (as UTF-8 bytes) lies in this range. */
    public boolean contains(byte[] id) {
        return Arrays.compareUnsigned(id, from) >= 0 && Arrays.compareUnsigned(id, to) < 0;
    }
}
