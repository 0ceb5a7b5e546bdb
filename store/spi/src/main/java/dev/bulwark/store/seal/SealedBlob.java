package dev.bulwark.store.seal;

import dev.bulwark.crypto.AesGcm;
import dev.bulwark.store.RecordKey;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The layout of a sealed secret part:
 * <pre>
 *   byte 0       format version, 1
 *   bytes 1-4    data key number, big-endian
 *   bytes 5-     AES-256-GCM output under that data key: nonce (12) || ciphertext || tag (16)
 * </pre>
 * The associated data is the 5-byte header followed by the record key
 * ({@link AssociatedData}), so neither the header nor the record a blob belongs to can be
 * changed without the blob failing to open.
 */
final class SealedBlob {
    static final byte FORMAT_VERSION = 1;
    static final int HEADER_LENGTH = 5;

    private SealedBlob() {
    }

    static byte[] header(int dataKeyNumber) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(FORMAT_VERSION).putInt(dataKeyNumber).array();
    }

    /** The data key number a blob was sealed under; throws if the blob is not a sealed blob. */
    static int dataKeyNumber(RecordKey key, byte[] blob) {
        if (blob.length < HEADER_LENGTH + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
            throw SealException.corruptRecord(key, "its sealed part is truncated");
        }
        if (blob[0] != FORMAT_VERSION) {
            throw SealException.corruptRecord(key, "its sealed part has unknown format " + blob[0]);
        }
        return ByteBuffer.wrap(blob, 1, 4).getInt();
    }

    static byte[] header(byte[] blob) {
        return Arrays.copyOf(blob, HEADER_LENGTH);
    }

    static byte[] body(byte[] blob) {
        return Arrays.copyOfRange(blob, HEADER_LENGTH, blob.length);
    }

    static byte[] join(byte[] header, byte[] body) {
        byte[] blob = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, blob, header.length, body.length);
        return blob;
    }
}
