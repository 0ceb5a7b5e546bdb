package dev.bulwark.secretsmanager.internal.rotation;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A secret's scheduled rotation. When it falls due it opens a rotation run (in its own
 * transaction, as jobs do), which the {@link RotationRunner} then carries out outside the store;
 * it never calls a function itself. A rotation that did not finish earlier is reattempted with
 * its own version, as AWS reattempts it. A secret marked for deletion, or with a rotation already
 * running, is looked at again at its next scheduled time.
 */
public final class RotationJob implements JobHandler {
    public static final String TYPE = "secretsmanager.rotate-secret";

    private final RotationRuns runs;
    private final Clock clock;

    public RotationJob(RotationRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    public static JobKey key(SecretScope scope, String name) {
        return new JobKey(TYPE, scope.storeScope() + "/" + name);
    }

    record Target(String scope, String name, String arn) {
    }

    static byte[] payload(SecretScope scope, SecretRecord secret) {
        return Documents.write(new Target(scope.storeScope(), secret.name(), secret.arn()));
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        Target target = Documents.read(new RecordKey("jobs.job", "", TYPE + "/" + job.key().id()), job.payload(), Target.class);
        SecretScope scope = SecretScope.parse(target.scope());
        SecretRecord secret = runs.records().find(tx, scope, target.name()).filter(s -> s.arn().equals(target.arn())).orElse(null);
        if (secret == null || secret.rotation() == null || !secret.rotation().enabled() || secret.isReplica()) {
            return;
        }
        Instant now = clock.instant();
        if (secret.isMarkedForDeletion() || runs.find(tx, scope, secret.name()).isPresent()) {
            Instant later = RotationSchedule.of(secret.rotation()).next(now, now);
            SecretRecord postponed = secret.withRotation(secret.rotation().withEnabled(true, later), secret.lastChangedDate());
            runs.records().put(tx, scope, postponed);
            runs.scheduleNext(tx, scope, postponed);
            return;
        }
        String token = RotationRuns.unfinishedVersion(secret).orElseGet(() -> UUID.randomUUID().toString());
        runs.records().put(tx, scope, runs.open(tx, scope, secret, token, secret.rotation().lambdaArn(), now));
    }
}
