package dev.bulwark.ssm.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * One parameter policy as stored: its type, its JSON text as AWS echoes it back (PolicyText), its
 * status (Pending until it has acted, then Finished) and when it acts.
 *
 * @param type   {@code Expiration}, {@code ExpirationNotification} or {@code NoChangeNotification}
 * @param text   the policy's JSON object, compact
 * @param status {@code Pending} or {@code Finished}
 * @param dueAt  when the policy acts: the expiration time, the notification time; for a
 *               NoChangeNotification, the time after the version's last modification
 */
public record ParameterPolicy(String type, String text, String status, Instant dueAt) {
    public static final String EXPIRATION = "Expiration";
    public static final String EXPIRATION_NOTIFICATION = "ExpirationNotification";
    public static final String NO_CHANGE_NOTIFICATION = "NoChangeNotification";
    public static final String PENDING = "Pending";
    public static final String FINISHED = "Finished";

    public boolean pending() {
        return PENDING.equals(status);
    }

    public ParameterPolicy finished() {
        return new ParameterPolicy(type, text, FINISHED, dueAt);
    }

    public ParameterPolicy dueAt(Instant time) {
        return new ParameterPolicy(type, text, status, time);
    }

    /** The policy of a type among several, if there is one (a parameter has at most one of each). */
    public static Optional<ParameterPolicy> ofType(Iterable<ParameterPolicy> policies, String type) {
        for (ParameterPolicy policy : policies) {
            if (policy.type().equals(type)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
