package dev.bulwark.secretsmanager.internal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.StoreException;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the records {@link SecretsSchema} declares, inside the caller's transaction. */
public final class SecretRecords {
    private static final int PAGE = 500;

    /** A version and its encrypted value (absent while the version is empty). */
    public record StoredVersion(VersionRecord version, Optional<SecretBytes> ciphertext) {
    }

    public Optional<SecretRecord> find(ReadTransaction tx, SecretScope scope, String name) {
        return tx.get(SecretsSchema.secret(scope, name)).map(SecretRecords::secret);
    }

    /** The secret a reference names, if it exists (and, for a full ARN, has that ARN). */
    public Optional<SecretRecord> find(ReadTransaction tx, SecretIds.Reference reference) {
        return find(tx, reference.scope(), reference.name()).filter(reference::matches);
    }

    public void put(WriteTransaction tx, SecretScope scope, SecretRecord secret) {
        tx.put(SecretsSchema.secret(scope, secret.name()), Documents.write(secret), null);
    }

    public Optional<StoredVersion> findVersion(ReadTransaction tx, SecretScope scope, String name, String versionId) {
        return tx.get(SecretsSchema.version(scope, name, versionId)).map(SecretRecords::version);
    }

    public void putVersion(WriteTransaction tx, SecretScope scope, String name, VersionRecord version, SecretBytes ciphertext) {
        tx.put(SecretsSchema.version(scope, name, version.versionId()), Documents.write(version), ciphertext);
    }

    /** Updates a version's document and keeps its encrypted value. */
    public void updateVersion(WriteTransaction tx, SecretScope scope, String name, StoredVersion stored, VersionRecord updated) {
        putVersion(tx, scope, name, updated, stored.ciphertext().orElse(null));
    }

    public void deleteVersion(WriteTransaction tx, SecretScope scope, String name, String versionId) {
        tx.delete(SecretsSchema.version(scope, name, versionId));
    }

    /** Every version of a secret, in no particular order (callers sort as the operation needs). */
    public List<VersionRecord> versions(ReadTransaction tx, SecretScope scope, String name) {
        List<VersionRecord> versions = new ArrayList<>();
        String after = "";
        while (true) {
            Page page = tx.list(SecretsSchema.VERSIONS, scope.storeScope(), SecretsSchema.versionPrefix(name), after, PAGE);
            page.records().forEach(record -> versions.add(version(record).version()));
            if (page.nextAfterId().isEmpty()) {
                return versions;
            }
            after = page.nextAfterId().get();
        }
    }

    public long countVersions(ReadTransaction tx, SecretScope scope, String name) {
        return tx.count(SecretsSchema.VERSIONS, scope.storeScope(), SecretsSchema.versionPrefix(name));
    }

    /** Every secret of a scope, in name order. */
    public List<SecretRecord> all(ReadTransaction tx, SecretScope scope) {
        List<SecretRecord> secrets = new ArrayList<>();
        String after = "";
        while (true) {
            Page page = tx.list(SecretsSchema.SECRETS, scope.storeScope(), "", after, PAGE);
            page.records().forEach(record -> secrets.add(secret(record)));
            if (page.nextAfterId().isEmpty()) {
                return secrets;
            }
            after = page.nextAfterId().get();
        }
    }

    /** Deletes a secret with all its versions. */
    public void purge(WriteTransaction tx, SecretScope scope, String name) {
        for (VersionRecord version : versions(tx, scope, name)) {
            deleteVersion(tx, scope, name, version.versionId());
        }
        tx.delete(SecretsSchema.secret(scope, name));
    }

    private static SecretRecord secret(StoredRecord record) {
        return Documents.read(record.key(), record.document(), SecretRecord.class);
    }

    private static StoredVersion version(StoredRecord record) {
        VersionRecord version = Documents.read(record.key(), record.document(), VersionRecord.class);
        if (version.hasValue() && record.secret().isEmpty()) {
            throw new StoreException("Secret version " + record.key().id() + " has no encrypted value");
        }
        return new StoredVersion(version, record.secret());
    }
}
