package dev.bulwark.secretsmanager.internal;

import dev.bulwark.secretsmanager.internal.SecretRecords.StoredVersion;
import dev.bulwark.store.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes new versions into a secret, inside the caller's transaction, keeping AWS's version quota:
 * a secret holds at most {@value #MAX_VERSIONS} versions. Before a version is added, deprecated
 * versions (those without staging labels) older than 24 hours are removed, oldest first, until
 * there is room; versions with labels and versions younger than a day are never removed, so a
 * secret updated faster than that runs into the quota and the write fails with
 * LimitExceededException, as in AWS.
 */
public final class VersionWriter {
    public static final int MAX_VERSIONS = 100;
    private static final Duration KEEP_DEPRECATED = Duration.ofHours(24);

    private final SecretRecords records;

    public VersionWriter(SecretRecords records) {
        this.records = records;
    }

    /**
     * Stores a version's value: a new version, or the value of a version rotation opened empty.
     * Returns the secret with the labels attached.
     */
    public SecretRecord write(WriteTransaction tx, SecretScope scope, SecretRecord secret, String versionId,
            VersionRecord.ValueType type, SecretCipher.Sealed sealed, Collection<String> labels, Instant now) {
        Optional<StoredVersion> existing = records.findVersion(tx, scope, secret.name(), versionId);
        VersionRecord version = existing.map(StoredVersion::version)
                .orElseGet(() -> {
                    makeRoom(tx, scope, secret, now);
                    return new VersionRecord(versionId, now, null, null, null, null);
                })
                .withValue(type, sealed.kmsKeyArn(), sealed.encryptedDataKey());
        records.putVersion(tx, scope, secret.name(), version, sealed.ciphertext());
        return secret.withStages(Stages.attach(secret.stages(), versionId, labels), now);
    }

    /** Opens an empty version (rotation's AWSPENDING before the function writes its value). */
    public SecretRecord open(WriteTransaction tx, SecretScope scope, SecretRecord secret, String versionId,
            Collection<String> labels, Instant now) {
        if (records.findVersion(tx, scope, secret.name(), versionId).isEmpty()) {
            makeRoom(tx, scope, secret, now);
            records.putVersion(tx, scope, secret.name(), new VersionRecord(versionId, now, null, null, null, null), null);
        }
        return secret.withStages(Stages.attach(secret.stages(), versionId, labels), now);
    }

    private void makeRoom(WriteTransaction tx, SecretScope scope, SecretRecord secret, Instant now) {
        if (records.countVersions(tx, scope, secret.name()) < MAX_VERSIONS) {
            return;
        }
        Set<String> labelled = Stages.labelledVersions(secret.stages());
        Instant cutoff = now.minus(KEEP_DEPRECATED);
        List<VersionRecord> removable = records.versions(tx, scope, secret.name()).stream()
                .filter(version -> !labelled.contains(version.versionId()))
                .filter(version -> version.createdDate().isBefore(cutoff))
                .sorted(Comparator.comparing(VersionRecord::createdDate))
                .toList();
        long count = records.countVersions(tx, scope, secret.name());
        for (VersionRecord version : removable) {
            if (count < MAX_VERSIONS) {
                break;
            }
            records.deleteVersion(tx, scope, secret.name(), version.versionId());
            count--;
        }
        if (count >= MAX_VERSIONS) {
            throw SecretsErrors.limitExceeded("The request failed because it would exceed one of the Secrets Manager quotas.");
        }
    }
}
