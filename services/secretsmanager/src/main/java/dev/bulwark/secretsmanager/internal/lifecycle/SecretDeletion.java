package dev.bulwark.secretsmanager.internal.lifecycle;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretIds;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretRecords;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import dev.bulwark.secretsmanager.internal.SecretsSchema;
import dev.bulwark.secretsmanager.internal.rotation.RotationJob;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;

/**
 * DeleteSecret and RestoreSecret. A deletion with a recovery window (7 to 30 days, 30 by default)
 * marks the secret (DeletedDate) and schedules a durable {@link SecretDeletionJob} at the end of
 * the window; until then the secret can only be described, listed with IncludePlannedDeletion,
 * restored or deleted for good. ForceDeleteWithoutRecovery deletes at once, in the call's own
 * transaction.
 */
public final class SecretDeletion {
    private static final long DEFAULT_RECOVERY_DAYS = 30;

    private final SecretsCore core;

    public SecretDeletion(SecretsCore core) {
        this.core = core;
    }

    public DeleteSecretResponse deleteSecret(Caller caller, DeleteSecretRequest request) {
        Validation validation = Requests.secretId(request.secretId());
        validation.orThrow();
        boolean force = Boolean.TRUE.equals(request.forceDeleteWithoutRecovery());
        if (force && request.recoveryWindowInDays() != null) {
            throw SecretsErrors.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        long days = request.recoveryWindowInDays() == null ? DEFAULT_RECOVERY_DAYS : request.recoveryWindowInDays();
        if (days < 7 || days > 30) {
            throw SecretsErrors.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("secretsmanager:ForceDeleteWithoutRecovery", List.of(Boolean.toString(force)));
        if (!force) {
            keys.put("secretsmanager:RecoveryWindowInDays", List.of(Long.toString(days)));
        }
        Instant now = Requests.now(core.clock());
        SecretLookup.Found found;
        try {
            found = core.lookup().find(caller, request.secretId(), "DeleteSecret", keys);
        } catch (AwsException notFound) {
            if (force && "ResourceNotFoundException".equals(notFound.code())) {
                // AWS answers a forced deletion of a secret that does not exist as if it had deleted it.
                SecretIds.Reference reference = SecretIds.parse(request.secretId(), caller.account(), caller.region());
                return DeleteSecretResponse.builder().name(reference.name())
                        .arn(reference.fullArn().orElseGet(() -> SecretIds.newArn(reference.scope(), reference.name(), core.random())))
                        .deletionDate(now).build();
            }
            throw notFound;
        }
        SecretRecord secret = found.secret();
        SecretLookup.requirePrimary(secret);
        if (!secret.replicas().isEmpty()) {
            throw SecretsErrors.invalidParameter("You can't delete secret " + secret.name() + " that still has replica regions ["
                    + String.join(",", secret.replicas().stream().map(SecretRecord.Replica::region).toList()) + "]");
        }
        if (secret.isMarkedForDeletion() && !force) {
            throw SecretsErrors.invalidRequest("You tried to perform the operation on a secret that's currently marked deleted.");
        }
        Instant deletionDate = force ? now : now.plus(Duration.ofDays(days));
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            if (force) {
                purge(tx, core.records(), core.jobs(), found.scope(), current.name());
            } else {
                core.records().put(tx, found.scope(), current.withDeletion(now, deletionDate));
                core.jobs().schedule(tx, SecretDeletionJob.key(found.scope(), current.name()), deletionDate,
                        SecretDeletionJob.payload(found.scope(), current));
            }
            return null;
        });
        return DeleteSecretResponse.builder().arn(secret.arn()).name(secret.name()).deletionDate(deletionDate).build();
    }

    public RestoreSecretResponse restoreSecret(Caller caller, RestoreSecretRequest request) {
        Requests.secretId(request.secretId()).orThrow();
        SecretLookup.Found found = core.lookup().find(caller, request.secretId(), "RestoreSecret", Map.of());
        SecretLookup.requirePrimary(found.secret());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            if (current.isMarkedForDeletion()) {
                core.jobs().cancel(tx, SecretDeletionJob.key(found.scope(), current.name()));
                core.records().put(tx, found.scope(), current.withDeletion(null, null));
            }
            return null;
        });
        return RestoreSecretResponse.builder().arn(found.secret().arn()).name(found.secret().name()).build();
    }

    /** Deletes a secret with its versions, its pending jobs and any rotation in progress. */
    static void purge(WriteTransaction tx, SecretRecords records, JobScheduler jobs, SecretScope scope, String name) {
        records.purge(tx, scope, name);
        tx.delete(SecretsSchema.rotationRun(scope, name));
        jobs.cancel(tx, SecretDeletionJob.key(scope, name));
        jobs.cancel(tx, RotationJob.key(scope, name));
    }

    /** The payload both deletion jobs carry: which secret, by ARN, so a secret created later under the name is spared. */
    record Target(String scope, String name, String arn) {
        static Target read(JobKey job, byte[] payload) {
            return Documents.read(new RecordKey("jobs.job", "", job.type() + "/" + job.id()), payload, Target.class);
        }
    }

    static JobKey jobKey(String type, SecretScope scope, String name) {
        return new JobKey(type, scope.storeScope() + "/" + name);
    }
}
