package dev.bulwark.store.seal;

import dev.bulwark.crypto.AesGcm;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoreException;
import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.spi.BackendReader;
import dev.bulwark.store.spi.BackendRow;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens the secret parts of records.
 *
 * <p>Key hierarchy: the root key (from a {@link RootKeyProvider}) wraps data keys; data keys
 * seal records. Data keys are random 32-byte AES keys numbered 1, 2, 3, ... and stored in the
 * backend itself, in the reserved namespace {@value #DATA_KEY_NAMESPACE} (scope empty, id the
 * number in decimal), as rows whose sealed part is the key wrapped with AES-256-GCM under the
 * root key, the associated data being that row's own record key ({@link AssociatedData}).
 * Data keys are never deleted, so the newest is the one whose number is their count; it is the
 * active key that seals new values. Rotating adds a key; blobs sealed under older keys name
 * their key ({@link SealedBlob}) and keep opening.
 *
 * <p>Unwrapped data keys are cached for the life of the store, so reading a record costs one
 * AES-GCM decryption and never a root-key operation. The active key is unwrapped when the
 * store opens, which makes a wrong root key fail at start rather than on some later read.
 * Another node sharing the database may rotate: this node keeps sealing with its active key
 * until it restarts, and opens the other node's blobs by loading their key on first use.
 */
public final class Seal {
    /** Namespaces starting with this belong to the seal; services may not read or write them. */
    public static final String RESERVED_NAMESPACE_PREFIX = "_seal.";
    static final String DATA_KEY_NAMESPACE = "_seal.data-key";
    private static final int KEY_LENGTH = 32;
    private static final byte[] NO_HEADER = new byte[0];

    private final AesGcm rootKey;
    private final String rootKeyDescription;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<Integer, AesGcm> dataKeys = new ConcurrentHashMap<>();
    private volatile int activeDataKey;

    private Seal(AesGcm rootKey, String rootKeyDescription, SecureRandom random, Clock clock) {
        this.rootKey = rootKey;
        this.rootKeyDescription = rootKeyDescription;
        this.random = random;
        this.clock = clock;
    }

    /** Opens the seal of a backend, creating its first data key if it has none. */
    static Seal open(Backend backend, RootKeyProvider rootKeys, SecureRandom random, Clock clock) {
        SecretBytes root = rootKeys.rootKey();
        if (root.size() != KEY_LENGTH) {
            throw new StoreException("The root key from " + rootKeys.description() + " is " + root.size()
                    + " bytes; it must be " + KEY_LENGTH);
        }
        Seal seal = new Seal(new AesGcm(root, random), rootKeys.description(), random, clock);
        root.destroy();
        int newest = backend.read(Seal::newestDataKey);
        seal.activate(backend, newest > 0 ? newest : seal.addDataKey(backend, true));
        return seal;
    }

    /** Adds a data key and makes it the active one; returns its number. */
    int rotate(Backend backend) {
        int number = addDataKey(backend, false);
        activate(backend, number);
        return number;
    }

    /** Unwraps a data key now (a wrong root key fails here, not on a later read) and seals with it from now on. */
    private void activate(Backend backend, int number) {
        backend.read(reader -> {
            if (dataKey(number, reader) == null) {
                throw new StoreException("The store's data key " + number + " is missing");
            }
            return null;
        });
        activeDataKey = number;
    }

    int activeDataKey() {
        return activeDataKey;
    }

    byte[] seal(RecordKey key, SecretBytes secret) {
        int number = activeDataKey;
        byte[] header = SealedBlob.header(number);
        byte[] plaintext = secret.toByteArray(InsecureSecretAccess.get());
        try {
            return SealedBlob.join(header, dataKeys.get(number).encrypt(plaintext, AssociatedData.of(header, key)));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Opens a record's sealed part, loading its data key through the reader on first use. */
    SecretBytes open(RecordKey key, byte[] blob, BackendReader reader) {
        int number = SealedBlob.dataKeyNumber(key, blob);
        AesGcm dataKey = dataKey(number, reader);
        if (dataKey == null) {
            throw SealException.corruptRecord(key, "its sealed part names data key " + number + ", which does not exist");
        }
        byte[] plaintext;
        try {
            plaintext = dataKey.decrypt(SealedBlob.body(blob), AssociatedData.of(SealedBlob.header(blob), key));
        } catch (AEADBadTagException e) {
            throw SealException.corruptRecord(key, "its sealed part does not open (altered, or moved from another record)");
        }
        SecretBytes secret = SecretBytes.copyOf(plaintext);
        Arrays.fill(plaintext, (byte) 0);
        return secret;
    }

    /** The unwrapped data key, from the cache or the backend; null if there is no such key. */
    private AesGcm dataKey(int number, BackendReader reader) {
        AesGcm cached = dataKeys.get(number);
        if (cached != null) {
            return cached;
        }
        RecordKey recordKey = dataKeyRecord(number);
        BackendRow row = reader.get(recordKey).orElse(null);
        if (row == null) {
            return null;
        }
        byte[] raw;
        try {
            raw = rootKey.decrypt(row.sealed(), AssociatedData.of(NO_HEADER, recordKey));
        } catch (AEADBadTagException e) {
            throw SealException.cannotUnseal(recordKey.id(), rootKeyDescription);
        }
        AesGcm unwrapped = aesGcm(raw);
        AesGcm raced = dataKeys.putIfAbsent(number, unwrapped);
        return raced != null ? raced : unwrapped;
    }

    /**
     * Generates a data key and stores it, wrapped, under the next number. When opening, a key
     * that another node created meanwhile is used instead of adding a second one.
     */
    private int addDataKey(Backend backend, boolean unlessOneExists) {
        byte[] raw = SecretBytes.random(KEY_LENGTH, random).toByteArray(InsecureSecretAccess.get());
        try {
            return backend.write(writer -> {
                int newest = newestDataKey(writer);
                if (unlessOneExists && newest > 0) {
                    return newest;
                }
                RecordKey recordKey = dataKeyRecord(newest + 1);
                writer.put(recordKey, dataKeyDocument(), rootKey.encrypt(raw, AssociatedData.of(NO_HEADER, recordKey)));
                return newest + 1;
            });
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private AesGcm aesGcm(byte[] raw) {
        SecretBytes key = SecretBytes.copyOf(raw);
        Arrays.fill(raw, (byte) 0);
        AesGcm aesGcm = new AesGcm(key, random);
        key.destroy();
        return aesGcm;
    }

    private byte[] dataKeyDocument() {
        return ("{\"algorithm\":\"AES-256-GCM\",\"created\":\"" + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static int newestDataKey(BackendReader reader) {
        return Math.toIntExact(reader.count(DATA_KEY_NAMESPACE, "", ""));
    }

    private static RecordKey dataKeyRecord(int number) {
        return new RecordKey(DATA_KEY_NAMESPACE, "", Integer.toString(number));
    }
}
