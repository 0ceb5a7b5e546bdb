package dev.bulwark.secretsmanager.internal.rotation;

import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretRecords;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.SecretsSchema;
import dev.bulwark.secretsmanager.internal.Stages;
import dev.bulwark.secretsmanager.internal.VersionWriter;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening, finding and closing rotation runs, inside the caller's store transaction.
 *
 * <p>Opening a run does what AWS does before it invokes the function: it creates the new version,
 * empty, with the label AWSPENDING, whose id is the run's ClientRequestToken; the function's
 * createSecret step then writes its value (PutSecretValue with that token). Closing a run after
 * finishSecret checks that AWSCURRENT moved to the new version and takes AWSPENDING off it; a
 * failed run leaves every label where the function left it, so AWSCURRENT is untouched and the
 * failed version keeps AWSPENDING (the next scheduled rotation reattempts it, as AWS does).
 */
public final class RotationRuns {
    private final SecretRecords records;
    private final VersionWriter versions;
    private final JobScheduler jobs;

    public RotationRuns(SecretRecords records, VersionWriter versions, JobScheduler jobs) {
        this.records = records;
        this.versions = versions;
        this.jobs = jobs;
    }

    public Optional<RotationRun> find(ReadTransaction tx, SecretScope scope, String name) {
        return tx.get(SecretsSchema.rotationRun(scope, name)).map(r -> Documents.read(r.key(), r.document(), RotationRun.class));
    }

    /** Every run of every account, for the runner; runs are few (one per secret being rotated). */
    public List<RotationRun> all(ReadTransaction tx, int limit) {
        Page page = tx.list(SecretsSchema.ROTATION_RUNS, "", "", "", limit);
        return page.records().stream().map(r -> Documents.read(r.key(), r.document(), RotationRun.class)).toList();
    }

    public void put(WriteTransaction tx, RotationRun run) {
        tx.put(SecretsSchema.rotationRun(SecretScope.parse(run.scope()), run.name()), Documents.write(run), null);
    }

    public void delete(WriteTransaction tx, RotationRun run) {
        tx.delete(SecretsSchema.rotationRun(SecretScope.parse(run.scope()), run.name()));
    }

    /**
     * The version a new rotation would reattempt: one that holds AWSPENDING but not AWSCURRENT
     * (a rotation that did not finish).
     */
    public static Optional<String> unfinishedVersion(SecretRecord secret) {
        return secret.versionWithStage(Stages.PENDING)
                .filter(pending -> !pending.equals(secret.versionWithStage(Stages.CURRENT).orElse(null)));
    }

    /** Opens a run: the empty AWSPENDING version and the run record. Returns the secret with the label attached. */
    public SecretRecord open(WriteTransaction tx, SecretScope scope, SecretRecord secret, String token, String lambdaArn, Instant now) {
        SecretRecord updated = versions.open(tx, scope, secret, token, List.of(Stages.PENDING), now);
        put(tx, new RotationRun(scope.storeScope(), secret.name(), secret.arn(), token, UUID.randomUUID().toString(), lambdaArn,
                0, now, null, null));
        return updated;
    }

    /** Schedules (or cancels) the secret's next automatic rotation to match its configuration. */
    public void scheduleNext(WriteTransaction tx, SecretScope scope, SecretRecord secret) {
        SecretRecord.RotationConfig rotation = secret.rotation();
        if (rotation != null && rotation.enabled() && rotation.nextRotationDate() != null) {
            jobs.schedule(tx, RotationJob.key(scope, secret.name()), rotation.nextRotationDate(), RotationJob.payload(scope, secret));
        } else {
            jobs.cancel(tx, RotationJob.key(scope, secret.name()));
        }
    }

    public SecretRecords records() {
        return records;
    }
}
