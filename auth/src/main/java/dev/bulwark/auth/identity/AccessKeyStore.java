package dev.bulwark.auth.identity;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.CredentialLookup;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Access keys in the store, and the one {@link CredentialLookup} SigV4 verifies against: it
 * finds long-term keys (the account roots' and IAM users') here and temporary credentials in
 * {@link SessionCredentialStore}, told apart by their {@code ASIA} prefix.
 *
 * <h2>Design note</h2>
 *
 * <p>The secret access key is the record's sealed part: SigV4 needs the secret itself (an HMAC
 * key), so it cannot be kept as a hash, but it never reaches the database unsealed. Access key
 * ids are unique across accounts, so records are server-wide (empty scope) and a lookup needs
 * nothing but the id.
 *
 * <p>Root keys and IAM users' keys live in two namespaces because a reset keeps the first (the
 * bootstrap administrator must still sign in) and wipes the second with the users that own
 * them. Each namespace also holds an owner index, records named
 * {@code owner/<account>/<ownerId>/<accessKeyId>}, so that listing a user's keys is one prefix
 * read; key ids never start with {@code owner/}, so the two kinds of record cannot meet. Keys
 * are indexed by the owner's unique id, which a rename does not change.
 *
 * <p>The status (Active or Inactive) is in the public document: an inactive key is found by
 * {@link #describe} but authenticates nothing, so SigV4 answers as for an unknown key. When a
 * user is renamed its keys are {@linkplain #rebind rebound} to the new ARN in the same
 * transaction, so requests are attributed to the name the user has now.
 */
public final class AccessKeyStore implements CredentialLookup {
    /** The account roots' keys; kept on reset, with the bootstrap identity. */
    public static final String NAMESPACE = "auth.access-key";
    /** IAM users' keys; wiped on reset with the users. */
    public static final String USER_KEYS_NAMESPACE = "auth.user-access-key";
    /** When each long-term key was last used; one small record per key, apart from the sealed one. */
    public static final String LAST_USED_NAMESPACE = "auth.access-key-last-used";

    private static final String OWNER_INDEX = "owner/";

    private final Store store;

    public AccessKeyStore(Store store) {
        this.store = store;
    }

    /** The public part of an access key record. */
    record AccessKeyDocument(
            String status,
            Principal.Type principalType,
            String account,
            String arn,
            String principalId,
            Instant created) {

        AccessKeyDocument withStatus(AccessKeyStatus newStatus) {
            return new AccessKeyDocument(newStatus.wireName(), principalType, account, arn, principalId, created);
        }

        AccessKeyDocument withArn(String newArn) {
            return new AccessKeyDocument(status, principalType, account, newArn, principalId, created);
        }
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return store.read(tx -> find(tx, accessKeyId));
    }

    /**
     * Reads the credential an access key id names inside a transaction: an active long-term key,
     * or temporary credentials (expired ones too: the verifier answers those with
     * {@code ExpiredToken}). Inactive keys authenticate nothing.
     */
    public static Optional<Credential> find(ReadTransaction tx, String accessKeyId) {
        if (AwsIdentifiers.isTemporary(accessKeyId)) {
            return SessionCredentialStore.find(tx, accessKeyId);
        }
        return locate(tx, accessKeyId).flatMap(AccessKeyStore::activeCredential);
    }

    /** Whether a long-term key with this id exists, whatever its status. */
    public static boolean exists(ReadTransaction tx, String accessKeyId) {
        return locate(tx, accessKeyId).isPresent();
    }

    /**
     * Stores a new active long-term key for a root or IAM user principal.
     *
     * @throws IllegalStateException if the id is taken (generated ids make this astronomically rare;
     *                               callers check {@link #exists} first)
     */
    public static void create(WriteTransaction tx, Credential credential, Instant now) {
        Principal principal = credential.principal();
        if (credential.sessionToken().isPresent()) {
            throw new IllegalArgumentException("Temporary credentials belong in the SessionCredentialStore");
        }
        if (exists(tx, credential.accessKeyId())) {
            throw new IllegalStateException("Access key id " + credential.accessKeyId() + " is taken");
        }
        String namespace = namespaceFor(principal.type());
        AccessKeyDocument document = new AccessKeyDocument(AccessKeyStatus.ACTIVE.wireName(), principal.type(),
                principal.account().value(), principal.arn(), principal.principalId(), now);
        tx.put(new RecordKey(namespace, "", credential.accessKeyId()), Documents.write(document),
                credential.secretAccessKey());
        tx.put(ownerIndexKey(namespace, principal.account(), principal.principalId(), credential.accessKeyId()),
                Documents.write(Map.of()), null);
    }

    /** A long-term key's metadata, whatever its status. */
    public static Optional<AccessKeyInfo> describe(ReadTransaction tx, String accessKeyId) {
        return locate(tx, accessKeyId).map(AccessKeyStore::info);
    }

    /** The long-term keys of a root or IAM user, in id order. */
    public static List<AccessKeyInfo> keysOf(ReadTransaction tx, Principal.Type ownerType, AccountId account,
            String ownerId) {
        String namespace = namespaceFor(ownerType);
        String prefix = ownerIndexPrefix(account, ownerId);
        List<AccessKeyInfo> keys = new ArrayList<>();
        String after = "";
        while (true) {
            Page page = tx.list(namespace, "", prefix, after, 100);
            for (StoredRecord entry : page.records()) {
                String accessKeyId = entry.key().id().substring(prefix.length());
                tx.get(new RecordKey(namespace, "", accessKeyId)).map(AccessKeyStore::info).ifPresent(keys::add);
            }
            if (page.nextAfterId().isEmpty()) {
                return keys;
            }
            after = page.nextAfterId().get();
        }
    }

    /** Activates or deactivates a long-term key; returns false if there is no such key. */
    public static boolean setStatus(WriteTransaction tx, String accessKeyId, AccessKeyStatus status) {
        return rewrite(tx, accessKeyId, document -> document.withStatus(status));
    }

    /** Points a key at its owner's new ARN (an IAM user was renamed or moved to another path). */
    public static boolean rebind(WriteTransaction tx, String accessKeyId, String ownerArn) {
        return rewrite(tx, accessKeyId, document -> document.withArn(ownerArn));
    }

    /** Deletes a long-term key, its owner index entry and its last use; returns false if there was none. */
    public static boolean delete(WriteTransaction tx, String accessKeyId) {
        Optional<StoredRecord> found = locate(tx, accessKeyId);
        if (found.isEmpty()) {
            return false;
        }
        StoredRecord record = found.get();
        AccessKeyDocument document = read(record);
        tx.delete(record.key());
        tx.delete(ownerIndexKey(record.key().namespace(), AccountId.of(document.account()), document.principalId(),
                accessKeyId));
        tx.delete(lastUsedKey(accessKeyId));
        return true;
    }

    /** When the key last authenticated a request, if it ever did. */
    public static Optional<AccessKeyLastUse> lastUsed(ReadTransaction tx, String accessKeyId) {
        return tx.get(lastUsedKey(accessKeyId))
                .map(record -> Documents.read(record.key(), record.document(), AccessKeyLastUse.class));
    }

    /** Records a use of a key that still exists (a use racing with a deletion leaves nothing behind). */
    static void recordUse(WriteTransaction tx, String accessKeyId, AccessKeyLastUse use) {
        if (exists(tx, accessKeyId)) {
            tx.put(lastUsedKey(accessKeyId), Documents.write(use), null);
        }
    }

    private static boolean rewrite(WriteTransaction tx, String accessKeyId,
            UnaryOperator<AccessKeyDocument> change) {
        Optional<StoredRecord> found = locate(tx, accessKeyId);
        found.ifPresent(record -> tx.put(record.key(), Documents.write(change.apply(read(record))), secretOf(record)));
        return found.isPresent();
    }

    private static Optional<StoredRecord> locate(ReadTransaction tx, String accessKeyId) {
        if (accessKeyId.startsWith(OWNER_INDEX)) {
            return Optional.empty();
        }
        return tx.get(new RecordKey(NAMESPACE, "", accessKeyId))
                .or(() -> tx.get(new RecordKey(USER_KEYS_NAMESPACE, "", accessKeyId)));
    }

    private static String namespaceFor(Principal.Type ownerType) {
        return switch (ownerType) {
            case ROOT -> NAMESPACE;
            case IAM_USER -> USER_KEYS_NAMESPACE;
            default -> throw new IllegalArgumentException("Only the root and IAM users have long-term keys");
        };
    }

    private static RecordKey ownerIndexKey(String namespace, AccountId account, String ownerId, String accessKeyId) {
        return new RecordKey(namespace, "", ownerIndexPrefix(account, ownerId) + accessKeyId);
    }

    private static String ownerIndexPrefix(AccountId account, String ownerId) {
        return OWNER_INDEX + account.value() + "/" + ownerId + "/";
    }

    private static RecordKey lastUsedKey(String accessKeyId) {
        return new RecordKey(LAST_USED_NAMESPACE, "", accessKeyId);
    }

    private static AccessKeyDocument read(StoredRecord record) {
        return Documents.read(record.key(), record.document(), AccessKeyDocument.class);
    }

    private static SecretBytes secretOf(StoredRecord record) {
        return record.secret().orElseThrow(
                () -> new IllegalStateException("Access key " + record.key().id() + " has no secret"));
    }

    private static AccessKeyInfo info(StoredRecord record) {
        AccessKeyDocument document = read(record);
        AccessKeyStatus status = AccessKeyStatus.fromWireName(document.status()).orElseThrow(
                () -> new IllegalStateException("Access key " + record.key().id() + " has an unknown status"));
        return new AccessKeyInfo(record.key().id(), status, document.principalType(),
                AccountId.of(document.account()), document.arn(), document.principalId(), document.created());
    }

    private static Optional<Credential> activeCredential(StoredRecord record) {
        AccessKeyDocument document = read(record);
        if (!AccessKeyStatus.ACTIVE.wireName().equals(document.status())) {
            return Optional.empty();
        }
        Principal principal = new Principal(document.principalType(), AccountId.of(document.account()),
                document.arn(), document.principalId(), record.key().id());
        return Optional.of(Credential.longTerm(record.key().id(), secretOf(record), principal));
    }
}
