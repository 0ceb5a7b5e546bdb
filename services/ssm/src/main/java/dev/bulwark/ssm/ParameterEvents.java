package dev.bulwark.ssm;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Parameter Store sends the events its parameter policies raise. In AWS they are EventBridge
 * events of detail type {@code Parameter Store Policy Action} from source {@code aws.ssm}; Bulwark has
 * no event bus yet, so the server decides where they go (the audit trail, a log).
 *
 * <p>An event is raised by a durable job inside the job's store transaction, which is passed along:
 * an implementation that records the event in the store (an outbox) commits it exactly once with the
 * job's effect. One with effects outside the store (a log line, a call record) may see an event twice
 * if the job's transaction fails after the event and the job runs again.
 */
@FunctionalInterface
public interface ParameterEvents {

    /**
     * A policy acted: an Expiration deleted its parameter, an ExpirationNotification or a
     * NoChangeNotification fell due. Fields follow the detail of AWS's event.
     *
     * @param parameterName the parameter's name ({@code parameter-name})
     * @param parameterType {@code String}, {@code StringList} or {@code SecureString}
     * @param policyType    {@code Expiration}, {@code ExpirationNotification} or {@code NoChangeNotification}
     * @param actionStatus  {@code Finished}
     * @param actionReason  what happened, in words
     * @param time          when the policy acted
     */
    record PolicyAction(AccountId account, Region region, String parameterName, String parameterArn, String parameterType,
            String policyType, String actionStatus, String actionReason, Instant time) {

        public PolicyAction {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(parameterName, "parameterName");
            Objects.requireNonNull(parameterArn, "parameterArn");
            Objects.requireNonNull(policyType, "policyType");
            Objects.requireNonNull(time, "time");
        }
    }

    void policyAction(WriteTransaction tx, PolicyAction action);

    /** Writes each event to the log, which is all a server without an event bus can do with it. */
    static ParameterEvents logged() {
        Logger log = LoggerFactory.getLogger(ParameterEvents.class);
        return (tx, action) -> log.info("Parameter Store Policy Action: {} policy of {} in {}/{}: {} ({})", action.policyType(),
                action.parameterArn(), action.account(), action.region(), action.actionStatus(), action.actionReason());
    }
}
