package dev.bulwark.store.seal;

import dev.bulwark.store.RecordKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds a sealed value to its record: namespace, scope and id, each
 * as a 4-byte big-endian length followed by its UTF-8 bytes, after whatever prefix the caller
 * binds too (the blob header). Length prefixes make the encoding unambiguous: with plain
 * concatenation {@code ("kms.key", "a", "bc")} and {@code ("kms.key", "ab", "c")} would share
 * their associated data and a sealed value could be moved between them.
 */
final class AssociatedData {
    private AssociatedData() {
    }

    static byte[] of(byte[] prefix, RecordKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + 64);
        out.writeBytes(prefix);
        writeField(out, key.namespace());
        writeField(out, key.scope());
        writeField(out, key.id());
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(bytes);
    }
}
