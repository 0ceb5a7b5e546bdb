package dev.bulwark.ssm.internal.policies;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.ssm.ParameterEvents;
import dev.bulwark.ssm.ParameterEvents.PolicyAction;
import dev.bulwark.ssm.internal.ParameterPolicy;
import dev.bulwark.ssm.internal.ParameterRecord;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterVersion;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameter policies, run by durable jobs so that they act after restarts and once across a cluster.
 * Each pending policy of a parameter's current version has one job, keyed by policy type and the
 * parameter ({@code 111122223333/us-east-1/app/db}), due when the policy acts; writing a version or
 * deleting the parameter reschedules or cancels them in the same transaction.
 *
 * <p>A job re-reads the parameter when it runs and acts only if the policy is still there, still
 * pending and due: a job that outlived a change does nothing. An Expiration deletes the parameter with
 * all its versions; a notification marks its policy Finished. Each raises an event
 * ({@link ParameterEvents}) in the job's transaction.
 */
public final class PolicyJobs {
    public static final String EXPIRATION = "ssm.parameter-expiration";
    public static final String EXPIRATION_NOTIFICATION = "ssm.parameter-expiration-notification";
    public static final String NO_CHANGE_NOTIFICATION = "ssm.parameter-no-change-notification";
    private static final Map<String, String> JOB_TYPES = Map.of(
            ParameterPolicy.EXPIRATION, EXPIRATION,
            ParameterPolicy.EXPIRATION_NOTIFICATION, EXPIRATION_NOTIFICATION,
            ParameterPolicy.NO_CHANGE_NOTIFICATION, NO_CHANGE_NOTIFICATION);

    private static final byte[] NO_PAYLOAD = new byte[0];

    /** The parameter a job is about, read back from its job id. */
    private record Target(SsmScope scope, String id) {
    }

    private final JobScheduler jobs;

    public PolicyJobs(JobScheduler jobs) {
        this.jobs = jobs;
    }

    /** Schedules a job for each pending policy and cancels the jobs of policy types no longer pending. */
    public void schedule(WriteTransaction tx, SsmScope scope, String id, List<ParameterPolicy> policies) {
        JOB_TYPES.forEach((policyType, jobType) -> {
            JobKey key = key(jobType, scope, id);
            Optional<ParameterPolicy> pending = ParameterPolicy.ofType(policies, policyType).filter(ParameterPolicy::pending);
            if (pending.isPresent()) {
                jobs.schedule(tx, key, pending.get().dueAt(), NO_PAYLOAD);
            } else {
                jobs.cancel(tx, key);
            }
        });
    }

    public void cancelAll(WriteTransaction tx, SsmScope scope, String id) {
        schedule(tx, scope, id, List.of());
    }

    /** The handlers of the three job types, for the server's job runner. */
    public static Map<String, JobHandler> handlers(JobScheduler jobs, ParameterEvents events, Clock clock) {
        Runner runner = new Runner(new ParameterRecords(), new PolicyJobs(jobs), events, clock);
        return Map.of(
                EXPIRATION, runner::expire,
                EXPIRATION_NOTIFICATION, (tx, job) -> runner.notify(tx, job, ParameterPolicy.EXPIRATION_NOTIFICATION),
                NO_CHANGE_NOTIFICATION, (tx, job) -> runner.notify(tx, job, ParameterPolicy.NO_CHANGE_NOTIFICATION));
    }

    /** {@code <account>/<region><parameter id>}: the id starts with a slash, so the three parts read back unambiguously. */
    private static JobKey key(String jobType, SsmScope scope, String id) {
        return new JobKey(jobType, scope.storeScope() + id);
    }

    private static Target target(Job job) {
        String[] parts = job.key().id().split("/", 3);
        if (parts.length != 3 || !AccountId.isValid(parts[0]) || !Region.isValid(parts[1]) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("Not a parameter policy job: " + job.key().id());
        }
        return new Target(new SsmScope(AccountId.of(parts[0]), Region.of(parts[1])), "/" + parts[2]);
    }

    /** What the jobs do when they run. */
    private record Runner(ParameterRecords records, PolicyJobs policyJobs, ParameterEvents events, Clock clock) {

        void expire(WriteTransaction tx, Job job) {
            Target target = target(job);
            SsmScope scope = target.scope();
            Instant now = clock.instant();
            records.find(tx, scope, target.id())
                    .filter(parameter -> due(parameter, ParameterPolicy.EXPIRATION, now).isPresent())
                    .ifPresent(parameter -> {
                        records.delete(tx, scope, parameter.id());
                        policyJobs.cancelAll(tx, scope, parameter.id());
                        raise(tx, scope, parameter, ParameterPolicy.EXPIRATION,
                                "The parameter reached its expiration time and was deleted.", now);
                    });
        }

        void notify(WriteTransaction tx, Job job, String policyType) {
            Target target = target(job);
            SsmScope scope = target.scope();
            Instant now = clock.instant();
            records.find(tx, scope, target.id()).ifPresent(parameter -> due(parameter, policyType, now).ifPresent(policy -> {
                ParameterVersion current = parameter.current();
                ParameterVersion notified = current.withPolicies(current.policies().stream()
                        .map(each -> each.equals(policy) ? each.finished() : each)
                        .toList());
                ParameterRecord record = parameter.record().withCurrent(notified);
                records.update(tx, scope, parameter, record);
                records.updateCurrentVersion(tx, scope, parameter, notified);
                raise(tx, scope, parameter, policyType, reason(policyType, policy), now);
            }));
        }

        private static Optional<ParameterPolicy> due(StoredParameter parameter, String policyType, Instant now) {
            return ParameterPolicy.ofType(parameter.current().policies(), policyType)
                    .filter(ParameterPolicy::pending)
                    .filter(policy -> !policy.dueAt().isAfter(now));
        }

        private static String reason(String policyType, ParameterPolicy policy) {
            return policyType.equals(ParameterPolicy.EXPIRATION_NOTIFICATION)
                    ? "The parameter will expire; the notification was due at " + policy.dueAt() + "."
                    : "The parameter has not been changed since its current version was written; the notification was due at "
                            + policy.dueAt() + ".";
        }

        private void raise(WriteTransaction tx, SsmScope scope, StoredParameter parameter, String policyType, String reason,
                Instant now) {
            events.policyAction(tx, new PolicyAction(scope.account(), scope.region(), parameter.record().name(),
                    scope.parameterArn(parameter.id()), parameter.current().type(), policyType, ParameterPolicy.FINISHED,
                    reason, now));
        }
    }
}
