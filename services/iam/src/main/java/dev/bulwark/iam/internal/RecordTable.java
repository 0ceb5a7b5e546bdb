package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Named IAM entities of one type in one namespace, scoped by account and keyed by lower-case
 * name (see {@link Entities#key}).
 */
record RecordTable<T>(String namespace, Class<T> type, Function<T, String> nameOf) {

    Optional<T> find(ReadTransaction tx, AccountId account, String name) {
        return tx.get(key(account, name)).map(this::read);
    }

    void put(WriteTransaction tx, AccountId account, T entity) {
        tx.put(key(account, nameOf.apply(entity)), Documents.write(entity), null);
    }

    void delete(WriteTransaction tx, AccountId account, String name) {
        tx.delete(key(account, name));
    }

    long count(ReadTransaction tx, AccountId account) {
        return tx.count(namespace, RecordKey.scope(account), "");
    }

    /** One page of the account's entities that pass the filter, in name order. */
    Paging.Result<T> list(ReadTransaction tx, AccountId account, Paging paging, Predicate<T> filter) {
        String scope = RecordKey.scope(account);
        String after = paging.afterKey().orElse("");
        List<T> items = new ArrayList<>();
        String lastKey = "";
        while (true) {
            Page page = tx.list(namespace, scope, "", after, Math.max(paging.maxItems() + 1, 100));
            for (StoredRecord record : page.records()) {
                T entity = read(record);
                if (!filter.test(entity)) {
                    continue;
                }
                if (items.size() == paging.maxItems()) {
                    return Paging.truncated(items, lastKey);
                }
                items.add(entity);
                lastKey = record.key().id();
            }
            if (page.nextAfterId().isEmpty()) {
                return Paging.complete(items);
            }
            after = page.nextAfterId().get();
        }
    }

    private RecordKey key(AccountId account, String name) {
        return new RecordKey(namespace, RecordKey.scope(account), Entities.key(name));
    }

    private T read(StoredRecord record) {
        return Documents.read(record.key(), record.document(), type);
    }
}
