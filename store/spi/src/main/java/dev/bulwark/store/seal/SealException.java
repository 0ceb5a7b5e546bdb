package dev.bulwark.store.seal;

import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoreException;

/**
 * A sealed value did not open: the root key is not the one the store was sealed with, or a
 * record's sealed part was altered or moved to another record. Never retried, never ignored:
 * either would hide tampering or a misconfigured root key.
 */
public final class SealException extends StoreException {

    private SealException(String message) {
        super(message);
    }

    static SealException cannotUnseal(String dataKeyId, String rootKeyDescription) {
        return new SealException("The store cannot be unsealed: data key " + dataKeyId
                + " does not open with the root key from " + rootKeyDescription
                + ". Is that the root key this data folder was created with?");
    }

    static SealException corruptRecord(RecordKey key, String why) {
        return new SealException("Record " + key.namespace() + "/" + key.scope() + "/" + key.id()
                + " is corrupt: " + why);
    }
}
