package dev.bulwark.store.seal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.WriteTransaction;
import dev.bulwark.store.spi.BackendWriter;

/** Writes through the seal: secret parts are sealed before they reach the backend. */
final class SealedWrites extends SealedReads implements WriteTransaction {
    private final BackendWriter writer;

    SealedWrites(BackendWriter writer, Seal seal) {
        super(writer, seal);
        this.writer = writer;
    }

    @Override
    public long put(RecordKey key, byte[] document, SecretBytes secret) {
        requireUnreserved(key.namespace());
        return writer.put(key, document, secret == null ? null : seal.seal(key, secret));
    }

    @Override
    public boolean delete(RecordKey key) {
        requireUnreserved(key.namespace());
        return writer.delete(key);
    }
}
