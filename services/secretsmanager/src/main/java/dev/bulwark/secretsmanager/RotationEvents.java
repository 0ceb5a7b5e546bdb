package dev.bulwark.secretsmanager;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Secrets Manager reports rotations as they happen: the events AWS records in CloudTrail as
 * {@code RotationStarted}, {@code RotationSucceeded} and {@code RotationFailed} (event source
 * {@code secretsmanager.amazonaws.com}, made by the service, not by a caller). The server wires
 * this to the audit trail; {@link #logging()} is the default until it does.
 */
@FunctionalInterface
public interface RotationEvents {

    /** One rotation event. {@code reason} is set for failures only and never holds a secret value. */
    record RotationEvent(Kind kind, Instant time, AccountId account, Region region, String secretArn, String versionId,
            Optional<String> reason) {

        public enum Kind {
            STARTED("RotationStarted"), SUCCEEDED("RotationSucceeded"), FAILED("RotationFailed");

            private final String eventName;

            Kind(String eventName) {
                this.eventName = eventName;
            }

            /** The CloudTrail event name. */
            public String eventName() {
                return eventName;
            }
        }
    }

    void record(RotationEvent event);

    /** Writes each event to the log, at INFO (WARN for failures). */
    static RotationEvents logging() {
        Logger log = LoggerFactory.getLogger(RotationEvents.class);
        return event -> {
            if (event.kind() == RotationEvent.Kind.FAILED) {
                log.warn("{} {} version {}: {}", event.kind().eventName(), event.secretArn(), event.versionId(), event.reason().orElse(""));
            } else {
                log.info("{} {} version {}", event.kind().eventName(), event.secretArn(), event.versionId());
            }
        };
    }
}
