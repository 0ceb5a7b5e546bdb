package dev.bulwark.kms.internal.lifecycle;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.kms.internal.KmsSchema;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.aliases.Aliases;
import dev.bulwark.kms.testing.KmsTestKit;
import dev.bulwark.store.StoredRecord;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

class KeyDeletionTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Aliases aliases = new Aliases(kit.core);
    private final KmsScope scope = KmsScope.of(kit.caller());

    private KeyMetadata createKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    private KeyMetadata describe(String keyId) {
        return lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    private ScheduleKeyDeletionResponse schedule(String keyId, Integer days) {
        return deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(keyId).pendingWindowInDays(days).build());
    }

    @Test
    void schedulingPutsTheKeyInPendingDeletionThirtyDaysAheadByDefaultAndSchedulesTheJob() {
        KeyMetadata key = createKey();

        ScheduleKeyDeletionResponse response = schedule(key.keyId(), null);

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keyStateAsString()).isEqualTo("PendingDeletion");
        assertThat(response.pendingWindowInDays()).isEqualTo(30);
        assertThat(response.deletionDate()).isEqualTo(kit.clock.instant().plus(Duration.ofDays(30)));
        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyStateAsString()).isEqualTo("PendingDeletion");
        assertThat(described.enabled()).isFalse();
        assertThat(described.deletionDate()).isEqualTo(response.deletionDate());
        Optional<Job> job = kit.store.read(tx -> kit.jobs.find(tx, new JobKey("kms.delete-key", "111122223333/us-east-1/" + key.keyId())));
        assertThat(job).get().extracting(Job::runAt).isEqualTo(response.deletionDate());
    }

    @Test
    void theWaitingPeriodIsSevenToThirtyDays() {
        KeyMetadata key = createKey();

        assertAwsError(() -> schedule(key.keyId(), 6), "ValidationException", "PendingWindowInDays must be between 7 and 30, inclusive.");
        assertAwsError(() -> schedule(key.keyId(), 31), "ValidationException", "PendingWindowInDays must be between 7 and 30, inclusive.");
        assertAwsError(() -> schedule(key.keyId(), 0), "ValidationException",
                "1 validation error detected: Value '0' at 'pendingWindowInDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertThat(schedule(key.keyId(), 7).pendingWindowInDays()).isEqualTo(7);
    }

    @Test
    void aKeyCannotBeScheduledTwice() {
        KeyMetadata key = createKey();
        schedule(key.keyId(), 7);

        assertAwsError(() -> schedule(key.keyId(), 7), "KMSInvalidStateException", key.arn() + " is pending deletion.");
    }

    @Test
    void cancellingLeavesTheKeyDisabledAndCancelsTheJob() {
        KeyMetadata key = createKey();
        schedule(key.keyId(), 7);

        assertThat(deletion.cancelKeyDeletion(kit.caller(), CancelKeyDeletionRequest.builder().keyId(key.keyId()).build()).keyId())
                .isEqualTo(key.arn());

        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyStateAsString()).isEqualTo("Disabled");
        assertThat(described.deletionDate()).isNull();
        Optional<Job> job = kit.store.read(tx -> kit.jobs.find(tx, new JobKey("kms.delete-key", "111122223333/us-east-1/" + key.keyId())));
        assertThat(job).isEmpty();
        kit.clock.advance(Duration.ofDays(30));
        assertThat(kit.runDueJobs()).isZero();
        assertAwsError(() -> deletion.cancelKeyDeletion(kit.caller(), CancelKeyDeletionRequest.builder().keyId(key.keyId()).build()),
                "KMSInvalidStateException", key.arn() + " is not pending deletion.");
    }

    @Test
    void cancellingForAnImportedKeyWithoutMaterialReturnsItToPendingImport() {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").build()).keyMetadata();
        schedule(key.keyId(), 7);

        deletion.cancelKeyDeletion(kit.caller(), CancelKeyDeletionRequest.builder().keyId(key.keyId()).build());

        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("PendingImport");
    }

    @Test
    void atItsDeletionDateTheKeyIsGoneEvenBeforeTheJobRuns() {
        KeyMetadata key = createKey();
        schedule(key.keyId(), 7);

        kit.clock.advance(Duration.ofDays(7));

        assertAwsError(() -> describe(key.keyId()), "NotFoundException", "Key '" + key.arn() + "' does not exist");
        assertThat(lifecycle.listKeys(kit.caller(), ListKeysRequest.builder().build()).keys()).isEmpty();
    }

    @Test
    void theJobDeletesTheKeyItsMaterialsAndItsAliases() {
        KeyMetadata key = createKey();
        KeyMetadata other = createKey();
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName("alias/doomed").targetKeyId(key.keyId()).build());
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName("alias/kept").targetKeyId(other.keyId()).build());
        schedule(key.keyId(), 7);

        kit.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(kit.runDueJobs()).isZero();
        assertThat(describe(key.keyId()).keyStateAsString()).as("not due yet").isEqualTo("PendingDeletion");

        kit.clock.advance(Duration.ofSeconds(1));
        assertThat(kit.runDueJobs()).isEqualTo(1);

        Optional<StoredRecord> keyRecord = kit.store.read(tx -> tx.get(KmsSchema.key(scope, key.keyId())));
        assertThat(keyRecord).isEmpty();
        long materials = kit.store.read(tx -> tx.count(KmsSchema.KEY_MATERIALS, scope.storeScope(), key.keyId()));
        assertThat(materials).isZero();
        assertThat(aliases.listAliases(kit.caller(), ListAliasesRequest.builder().build()).aliases())
                .extracting(alias -> alias.aliasName()).contains("alias/kept").doesNotContain("alias/doomed");
        assertThat(describe(other.keyId()).keyStateAsString()).isEqualTo("Enabled");
    }

    @Test
    void aJobForACancelledDeletionLeavesTheKeyAlone() {
        KeyMetadata key = createKey();
        schedule(key.keyId(), 7);
        Job job = kit.store.read(tx -> kit.jobs.find(tx, new JobKey("kms.delete-key", "111122223333/us-east-1/" + key.keyId())))
                .orElseThrow();
        deletion.cancelKeyDeletion(kit.caller(), CancelKeyDeletionRequest.builder().keyId(key.keyId()).build());

        kit.store.write(tx -> {
            new KeyDeletionJob(kit.core.records(), kit.core.multiRegionFamily(), kit.jobs).run(tx, job);
            return null;
        });

        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Disabled");
    }
}
