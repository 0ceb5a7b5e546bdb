package dev.bulwark.kms.internal;

import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.util.function.Function;

/**
 * The store as KMS operations use it. The one difference from {@link Store}: work that meets a
 * predefined AWS alias without a key ({@link AwsManagedKeyMissing}) gets the AWS managed key
 * created, in a transaction of its own, and then runs again. That happens once per alias, account
 * and region, the first time anything uses the alias, as in AWS.
 */
public final class KmsTransactions {
    private final Store store;
    private final AwsManagedKeys awsManagedKeys;

    public KmsTransactions(Store store, AwsManagedKeys awsManagedKeys) {
        this.store = store;
        this.awsManagedKeys = awsManagedKeys;
    }

    public <T> T read(Function<ReadTransaction, T> work) {
        try {
            return store.read(work);
        } catch (AwsManagedKeyMissing missing) {
            create(missing);
            return store.read(work);
        }
    }

    public <T> T write(Function<WriteTransaction, T> work) {
        try {
            return store.write(work);
        } catch (AwsManagedKeyMissing missing) {
            create(missing);
            return store.write(work);
        }
    }

    private void create(AwsManagedKeyMissing missing) {
        store.write(tx -> awsManagedKeys.createIfAbsent(tx, missing.scope(), missing.aliasName()));
    }
}
