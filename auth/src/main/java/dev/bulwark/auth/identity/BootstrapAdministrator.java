package dev.bulwark.auth.identity;

import dev.bulwark.auth.Credential;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The account root's access key that a fresh server creates, so that its first user can sign
 * requests. One per account the server was started for; created once, in the same
 * transaction as its access key, and found again on every later start.
 */
public final class BootstrapAdministrator {
    /** Which access key is an account's bootstrap key; kept on reset. */
    public static final String NAMESPACE = "auth.bootstrap";

    /** Names the access key that is an account's bootstrap key. */
    record Pointer(String accessKeyId) {
    }

    private BootstrapAdministrator() {
    }

    /** The namespaces a reset keeps so that the bootstrap administrator can still sign in. */
    public static Set<String> keptOnReset() {
        return Set.of(NAMESPACE, AccessKeyStore.NAMESPACE);
    }

    /** The account's bootstrap credential, created on first call. */
    public static Credential ensure(Store store, AccountId account, AccessKeyGenerator generator, Clock clock) {
        RecordKey pointer = new RecordKey(NAMESPACE, "", account.value());
        return store.write(tx -> {
            Optional<Credential> existing = tx.get(pointer)
                    .map(record -> Documents.read(record.key(), record.document(), Pointer.class).accessKeyId())
                    .flatMap(accessKeyId -> AccessKeyStore.find(tx, accessKeyId));
            if (existing.isPresent()) {
                return existing.get();
            }
            String accessKeyId = generator.newLongTermKeyId(account);
            Credential created = Credential.longTerm(accessKeyId, generator.newSecretAccessKey(),
                    Principal.root(account, accessKeyId));
            AccessKeyStore.create(tx, created, clock.instant());
            tx.put(pointer, Documents.write(new Pointer(accessKeyId)), null);
            return created;
        });
    }
}
