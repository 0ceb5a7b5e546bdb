package dev.bulwark.kms.internal.cryptography;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The canonical byte encoding of an encryption context, which symmetric ciphertexts bind as
 * additional authenticated data. It must be unambiguous: two different contexts never encode to
 * the same bytes, whatever their keys and values contain. So pairs are sorted by the UTF-8 bytes of
 * their keys (the order a map was sent in does not matter) and every string is length-prefixed:
 * <pre>
 *   count (4 bytes, big-endian)
 *   then per pair: key length (4) || key (UTF-8) || value length (4) || value (UTF-8)
 * </pre>
 * Naive concatenation would let {@code {"a":"bc"}} and {@code {"ab":"c"}} collide; here they
 * differ in the first length. An absent context and an empty one both encode as a zero count, as
 * AWS treats them alike.
 */
public final class EncryptionContexts {
    private EncryptionContexts() {
    }

    public static byte[] canonical(Map<String, String> context) {
        Map<String, String> pairs = context == null ? Map.of() : context;
        List<byte[][]> sorted = pairs.entrySet().stream()
                .map(entry -> new byte[][] {utf8(entry.getKey()), utf8(entry.getValue())})
                .sorted((a, b) -> Arrays.compareUnsigned(a[0], b[0]))
                .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, sorted.size());
        for (byte[][] pair : sorted) {
            writeInt(out, pair[0].length);
            out.writeBytes(pair[0]);
            writeInt(out, pair[1].length);
            out.writeBytes(pair[1]);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
