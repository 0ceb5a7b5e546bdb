package dev.bulwark.secretsmanager.internal.lifecycle;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretRecords;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.store.Documents;
import dev.bulwark.store.WriteTransaction;

/**
 * Deletes a secret whose recovery window has ended. It does nothing if the secret was restored,
 * deleted for good already, or replaced by a new secret of the same name (another ARN).
 */
public final class SecretDeletionJob implements JobHandler {
    public static final String TYPE = "secretsmanager.delete-secret";

    private final SecretRecords records;
    private final JobScheduler jobs;

    public SecretDeletionJob(SecretRecords records, JobScheduler jobs) {
        this.records = records;
        this.jobs = jobs;
    }

    public static JobKey key(SecretScope scope, String name) {
        return SecretDeletion.jobKey(TYPE, scope, name);
    }

    static byte[] payload(SecretScope scope, SecretRecord secret) {
        return Documents.write(new SecretDeletion.Target(scope.storeScope(), secret.name(), secret.arn()));
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        SecretDeletion.Target target = SecretDeletion.Target.read(job.key(), job.payload());
        SecretScope scope = SecretScope.parse(target.scope());
        records.find(tx, scope, target.name())
                .filter(secret -> secret.arn().equals(target.arn()))
                .filter(SecretRecord::isMarkedForDeletion)
                .filter(secret -> !secret.deletionDate().isAfter(job.runAt()))
                .ifPresent(secret -> SecretDeletion.purge(tx, records, jobs, scope, secret.name()));
    }
}
