package dev.bulwark.ssm.internal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the records of {@link SsmSchema} inside the caller's transaction. Nothing here
 * decides anything: operations decide, this class keeps the two copies of the current version, the
 * version records and the advanced-tier index consistent.
 */
public final class ParameterRecords {
    private static final byte[] EMPTY_DOCUMENT = "{}".getBytes(StandardCharsets.UTF_8);

    public Optional<StoredParameter> find(ReadTransaction tx, SsmScope scope, String id) {
        return tx.get(SsmSchema.parameter(scope, id)).map(ParameterRecords::parameter);
    }

    public Optional<StoredVersion> findVersion(ReadTransaction tx, SsmScope scope, String id, long version) {
        return tx.get(SsmSchema.version(scope, id, version)).map(ParameterRecords::version);
    }

    /** A page of a parameter's versions, oldest first, after the version record id {@code afterId}. */
    public VersionPage versions(ReadTransaction tx, SsmScope scope, String id, String afterId, int limit) {
        Page page = tx.list(SsmSchema.VERSIONS, scope.storeScope(), SsmSchema.versionPrefix(id), afterId, limit);
        return new VersionPage(page.records().stream().map(ParameterRecords::version).toList(),
                page.records().isEmpty() ? "" : page.records().getLast().key().id(), page.nextAfterId().isPresent());
    }

    /** One page of versions and where the next starts. */
    public record VersionPage(List<StoredVersion> versions, String lastId, boolean more) {
    }

    public long versionCount(ReadTransaction tx, SsmScope scope, String id) {
        return tx.count(SsmSchema.VERSIONS, scope.storeScope(), SsmSchema.versionPrefix(id));
    }

    public Optional<StoredVersion> oldestVersion(ReadTransaction tx, SsmScope scope, String id) {
        return versions(tx, scope, id, "", 1).versions().stream().findFirst();
    }

    /** A page of parameters whose id starts with {@code idPrefix}, in id order. */
    public ParameterPage list(ReadTransaction tx, SsmScope scope, String idPrefix, String afterId, int limit) {
        Page page = tx.list(SsmSchema.PARAMETERS, scope.storeScope(), idPrefix, afterId, limit);
        return new ParameterPage(page.records().stream().map(ParameterRecords::parameter).toList(), page.nextAfterId());
    }

    /** One page of parameters; {@code nextAfterId} is empty on the last page. */
    public record ParameterPage(List<StoredParameter> parameters, Optional<String> nextAfterId) {
    }

    public long count(ReadTransaction tx, SsmScope scope) {
        return tx.count(SsmSchema.PARAMETERS, scope.storeScope(), "");
    }

    public long advancedCount(ReadTransaction tx, SsmScope scope) {
        return tx.count(SsmSchema.ADVANCED, scope.storeScope(), "");
    }

    /** Writes a new current version: its version record, the parameter record and the tier index. */
    public void writeVersion(WriteTransaction tx, SsmScope scope, String id, ParameterRecord record, SecretBytes value) {
        ParameterVersion current = record.current();
        tx.put(SsmSchema.version(scope, id, current.version()), Documents.write(current), value);
        tx.put(SsmSchema.parameter(scope, id), Documents.write(record), value);
        if (current.advanced()) {
            tx.put(SsmSchema.advanced(scope, id), EMPTY_DOCUMENT, null);
        }
    }

    /** Rewrites the parameter record (labels, tags, policy status) with its current value unchanged. */
    public void update(WriteTransaction tx, SsmScope scope, StoredParameter parameter, ParameterRecord record) {
        tx.put(SsmSchema.parameter(scope, parameter.id()), Documents.write(record), parameter.value());
    }

    /** Rewrites the record of the current version after a change to its policies' status. */
    public void updateCurrentVersion(WriteTransaction tx, SsmScope scope, StoredParameter parameter, ParameterVersion version) {
        tx.put(SsmSchema.version(scope, parameter.id(), version.version()), Documents.write(version), parameter.value());
    }

    public void deleteVersion(WriteTransaction tx, SsmScope scope, String id, long version) {
        tx.delete(SsmSchema.version(scope, id, version));
    }

    /** Deletes a parameter with every version it keeps. */
    public void delete(WriteTransaction tx, SsmScope scope, String id) {
        String afterId = "";
        VersionPage page;
        do {
            page = versions(tx, scope, id, afterId, 100);
            for (StoredVersion version : page.versions()) {
                deleteVersion(tx, scope, id, version.version().version());
            }
            afterId = page.lastId();
        } while (page.more());
        tx.delete(SsmSchema.parameter(scope, id));
        tx.delete(SsmSchema.advanced(scope, id));
    }

    private static StoredParameter parameter(StoredRecord record) {
        return new StoredParameter(record.key().id(), Documents.read(record.key(), record.document(), ParameterRecord.class),
                value(record));
    }

    private static StoredVersion version(StoredRecord record) {
        return new StoredVersion(Documents.read(record.key(), record.document(), ParameterVersion.class), value(record));
    }

    private static SecretBytes value(StoredRecord record) {
        return record.secret().orElseThrow(() -> new IllegalStateException(
                "Record " + record.key().namespace() + "/" + record.key().id() + " has no value"));
    }
}
