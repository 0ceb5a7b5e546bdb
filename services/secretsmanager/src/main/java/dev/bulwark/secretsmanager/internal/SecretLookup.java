package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the secret a SecretId names and authorizes the call on it, in the order AWS answers:
 * a malformed SecretId first, then access (a caller without the permission gets
 * AccessDeniedException whether or not the secret exists), then existence, then the secret's
 * state (marked for deletion, a replica).
 *
 * <p>Authorization happens outside store transactions (the authorizer may read identity policies
 * from the store itself). Operations that then write read the secret again in their write
 * transaction ({@link #reload}) and fail as not found if it was deleted or replaced meanwhile.
 */
public final class SecretLookup {
    private final Store store;
    private final SecretRecords records;
    private final SecretAccess access;

    public SecretLookup(Store store, SecretRecords records, SecretAccess access) {
        this.store = store;
        this.records = records;
        this.access = access;
    }

    /** A secret found and authorized. */
    public record Found(SecretIds.Reference reference, SecretRecord secret) {
        public SecretScope scope() {
            return reference.scope();
        }
    }

    /** Any existing secret, including one marked for deletion (DescribeSecret, RestoreSecret, DeleteSecret). */
    public Found find(Caller caller, String secretId, String action, Map<String, List<String>> keys) {
        SecretIds.Reference reference = SecretIds.parse(secretId, caller.account(), caller.region());
        Optional<SecretRecord> secret = store.read(tx -> records.find(tx, reference));
        if (secret.isEmpty()) {
            access.authorizeMissing(caller, action, reference, keys);
            throw SecretsErrors.secretNotFound();
        }
        access.authorize(caller, action, secret.get(), keys);
        return new Found(reference, secret.get());
    }

    public Found find(Caller caller, String secretId, String action) {
        return find(caller, secretId, action, Map.of());
    }

    /** A secret not marked for deletion. */
    public Found findActive(Caller caller, String secretId, String action, Map<String, List<String>> keys) {
        Found found = find(caller, secretId, action, keys);
        requireActive(found.secret());
        return found;
    }

    /** A secret not marked for deletion and not a replica: one whose metadata and values may change here. */
    public Found findPrimary(Caller caller, String secretId, String action, Map<String, List<String>> keys) {
        Found found = findActive(caller, secretId, action, keys);
        requirePrimary(found.secret());
        return found;
    }

    /** The found secret as it is now, in the caller's transaction; not found if it was deleted or replaced. */
    public SecretRecord reload(ReadTransaction tx, Found found) {
        return records.find(tx, found.scope(), found.secret().name())
                .filter(now -> now.arn().equals(found.secret().arn()))
                .orElseThrow(SecretsErrors::secretNotFound);
    }

    public static void requireActive(SecretRecord secret) {
        if (secret.isMarkedForDeletion()) {
            throw SecretsErrors.markedForDeletion();
        }
    }

    public static void requirePrimary(SecretRecord secret) {
        if (secret.isReplica()) {
            throw SecretsErrors.onReplica();
        }
    }
}
