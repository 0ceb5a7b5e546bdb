package dev.bulwark.secretsmanager.internal.rotation;

import dev.bulwark.audit.ServiceEventSink;
import dev.bulwark.core.AwsException;
import dev.bulwark.jobs.BackgroundLoop;
import dev.bulwark.secretsmanager.internal.ReplicaSync;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.ServiceCallers;
import dev.bulwark.secretsmanager.internal.Stages;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out rotation runs, outside store transactions, because their steps reach rotation
 * functions and databases (effects the store cannot roll back, which the job runner's handlers
 * must not have).
 *
 * <p>Design. A run is a record ({@link RotationRun}); its steps run one after another on this
 * runner's thread. Before the first step the runner takes a lease on the run; after each step
 * it records the next step and renews the lease in one transaction, checking first that the run
 * is still its own (a CancelRotateSecret deletes the run; a runner that lost its lease to another
 * stops). A runner that dies leaves a run whose lease expires; the next runner to look (on any
 * node sharing the store, or this one after a restart) resumes at the recorded step, which is
 * safe because steps are idempotent. After finishSecret the run is closed: AWSCURRENT must be on
 * the new version, AWSPENDING comes off it, LastRotatedDate and the next rotation are set. A
 * failed step closes the run as failed and leaves the labels as they are, so AWSCURRENT keeps
 * working.
 *
 * <p>Every run reports RotationStarted and then RotationSucceeded or RotationFailed to the audit
 * trail, each in the transaction that records the progress it reports: RotationStarted in the one
 * that first claims the run, the outcome in the one that closes it. So an event is recorded
 * exactly once, and only if its progress committed: a claim or close that fails to commit leaves
 * no event behind, and the work that is then done again records it once. (A close that fails to
 * commit is redone as a failure, in a transaction of its own that reports RotationFailed.) The
 * other side of this is that the trail is in charge: a run whose event cannot be recorded does
 * not progress. A
 * run cancelled while it runs (CancelRotateSecret deletes it) reports no outcome; the
 * CancelRotateSecret call is in the trail.
 *
 * <p>The runner looks for runs every poll interval and at once after {@link #wakeUp} (RotateSecret
 * wakes it after its transaction committed). Time for leases comes from the injected clock.
 */
public final class RotationRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RotationRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MAX_RUNS_PER_LOOK = 100;

    private final Store store;
    private final RotationRuns runs;
    private final RotationFunctions functions;
    private final RotationEvents auditTrail;
    private final ReplicaSync replicas;
    private final ServiceCallers callers;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final BackgroundLoop loop;

    public RotationRunner(Store store, RotationRuns runs, RotationFunctions functions, ServiceEventSink auditTrail,
            ReplicaSync replicas, ServiceCallers callers, Clock clock, Duration pollInterval) {
        this.store = store;
        this.runs = runs;
        this.functions = functions;
        this.auditTrail = new RotationEvents(auditTrail);
        this.replicas = replicas;
        this.callers = callers;
        this.clock = clock;
        this.loop = new BackgroundLoop("bulwark-secret-rotation", pollInterval, Duration.ofSeconds(10), this::runPending);
    }

    /** Starts the background thread, which runs pending rotations every poll interval. */
    public void start() {
        loop.start();
    }

    public void wakeUp() {
        loop.wakeUp();
    }

    /** Runs every run that is not leased by a live runner, and returns how many it finished (either way). */
    public int runPending() {
        List<RotationRun> pending = store.read(tx -> runs.all(tx, MAX_RUNS_PER_LOOK));
        int finished = 0;
        for (RotationRun run : pending) {
            if (loop.isClosed()) {
                break;
            }
            Optional<RotationRun> claimed = claim(run);
            if (claimed.isPresent() && execute(claimed.get())) {
                finished++;
            }
        }
        return finished;
    }

    private Optional<RotationRun> claim(RotationRun seen) {
        Instant now = clock.instant();
        return store.write(tx -> {
            SecretScope scope = SecretScope.parse(seen.scope());
            Optional<RotationRun> current = runs.find(tx, scope, seen.name()).filter(run -> run.token().equals(seen.token()));
            if (current.isEmpty() || (current.get().owner() != null && current.get().leaseUntil().isAfter(now))) {
                return Optional.<RotationRun>empty();
            }
            RotationRun mine = current.get().claimed(owner, now.plus(LEASE));
            runs.put(tx, mine);
            // Only the first claim starts the run; a takeover resumes it.
            if (current.get().owner() == null) {
                auditTrail.started(tx, mine, now);
            }
            return Optional.of(mine);
        });
    }

    /** Runs the remaining steps; returns whether the run ended here (succeeded or failed). */
    private boolean execute(RotationRun claimed) {
        RotationRun run = claimed;
        try {
            RotationFunction function = functions.find(run.lambdaArn(), SecretScope.parse(run.scope()))
                    .orElseThrow(() -> new RotationFailure("The rotation function " + claimed.lambdaArn() + " cannot be invoked"));
            while (!run.isFinished()) {
                RotationStep step = RotationStep.values()[run.nextStep()];
                function.invoke(new RotationFunction.Event(step, run.arn(), run.token(), run.rotationToken()));
                Optional<RotationRun> advanced = advance(run);
                if (advanced.isEmpty()) {
                    LOG.info("Rotation of {} was cancelled or taken over; stopping", run.arn());
                    return false;
                }
                run = advanced.get();
            }
            finish(run);
            return true;
        } catch (RotationFailure | AwsException failure) {
            fail(run, failure.getMessage());
            return true;
        } catch (RuntimeException unexpected) {
            LOG.error("Rotation of {} failed unexpectedly", run.arn(), unexpected);
            fail(run, "Internal error: " + unexpected.getClass().getSimpleName());
            return true;
        }
    }

    private Optional<RotationRun> advance(RotationRun run) {
        Instant now = clock.instant();
        return store.write(tx -> {
            Optional<RotationRun> current = mine(tx, run);
            current.ifPresent(mine -> runs.put(tx, mine.advanced(now.plus(LEASE))));
            return current.map(mine -> mine.advanced(now.plus(LEASE)));
        });
    }

    private void finish(RotationRun run) {
        Instant now = clock.instant();
        SecretScope scope = SecretScope.parse(run.scope());
        boolean succeeded = store.write(tx -> {
            if (mine(tx, run).isEmpty()) {
                return false;
            }
            runs.delete(tx, run);
            Optional<SecretRecord> secret = runs.records().find(tx, scope, run.name()).filter(s -> s.arn().equals(run.arn()));
            if (secret.isEmpty()) {
                auditTrail.failed(tx, run, now, "The secret was deleted during rotation");
                return false;
            }
            if (!run.token().equals(secret.get().versionWithStage(Stages.CURRENT).orElse(null))) {
                reschedule(tx, scope, secret.get(), now, false);
                auditTrail.failed(tx, run, now, "finishSecret did not move AWSCURRENT to version " + run.token());
                return false;
            }
            SecretRecord rotated = secret.get();
            if (run.token().equals(rotated.versionWithStage(Stages.PENDING).orElse(null))) {
                rotated = rotated.withStages(Stages.detach(rotated.stages(), Stages.PENDING), now);
            }
            reschedule(tx, scope, rotated, now, true);
            auditTrail.succeeded(tx, run, now);
            return true;
        });
        if (succeeded) {
            replicas.sync(callers.forScope(scope), scope, run.name());
        }
    }

    private void fail(RotationRun run, String reason) {
        Instant now = clock.instant();
        SecretScope scope = SecretScope.parse(run.scope());
        store.write(tx -> {
            if (mine(tx, run).isPresent()) {
                runs.delete(tx, run);
                runs.records().find(tx, scope, run.name()).filter(s -> s.arn().equals(run.arn()))
                        .ifPresent(secret -> reschedule(tx, scope, secret, now, false));
                auditTrail.failed(tx, run, now, reason);
            }
            return null;
        });
    }

    /** Records the outcome on the secret and schedules its next rotation. */
    private void reschedule(WriteTransaction tx, SecretScope scope, SecretRecord secret, Instant now, boolean succeeded) {
        SecretRecord.RotationConfig rotation = secret.rotation();
        if (rotation == null) {
            return;
        }
        Instant last = succeeded ? now : rotation.lastRotatedDate();
        Instant next = rotation.enabled() && rotation.hasSchedule()
                ? RotationSchedule.of(rotation).next(last == null ? now : last, now) : null;
        if (next != null && !next.isAfter(now)) {
            next = RotationSchedule.of(rotation).next(now, now);
        }
        SecretRecord.RotationConfig updated = succeeded ? rotation.rotated(now, next) : rotation.withEnabled(rotation.enabled(), next);
        SecretRecord result = secret.withRotation(updated, succeeded ? now : secret.lastChangedDate());
        runs.records().put(tx, scope, result);
        runs.scheduleNext(tx, scope, result);
    }

    private Optional<RotationRun> mine(ReadTransaction tx, RotationRun run) {
        return runs.find(tx, SecretScope.parse(run.scope()), run.name())
                .filter(current -> current.token().equals(run.token()) && owner.equals(current.owner()));
    }

    @Override
    public void close() {
        loop.close();
    }
}
