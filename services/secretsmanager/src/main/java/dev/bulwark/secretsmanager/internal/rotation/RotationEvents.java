package dev.bulwark.secretsmanager.internal.rotation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.audit.ServiceEventSink;
import dev.bulwark.secretsmanager.SecretsManagerService;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A rotation's progress as CloudTrail records it: service events of Secrets Manager named
 * {@code RotationStarted}, {@code RotationSucceeded} and {@code RotationFailed}, about the secret
 * (its ARN as the resource, and as {@code SecretId} in {@code additionalEventData}, where AWS puts
 * it); a failure says why in {@code errorMessage}. The reasons are the runner's and the rotation
 * function's own words, which never hold a secret value.
 *
 * <p>Each event is recorded in the transaction that records the progress it reports, so it is in
 * the trail exactly when that progress committed.
 */
final class RotationEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ServiceEventSink auditTrail;

    RotationEvents(ServiceEventSink auditTrail) {
        this.auditTrail = auditTrail;
    }

    void started(WriteTransaction tx, RotationRun run, Instant time) {
        auditTrail.record(tx, event("RotationStarted", run, time, Optional.empty()));
    }

    void succeeded(WriteTransaction tx, RotationRun run, Instant time) {
        auditTrail.record(tx, event("RotationSucceeded", run, time, Optional.empty()));
    }

    void failed(WriteTransaction tx, RotationRun run, Instant time, String reason) {
        auditTrail.record(tx, event("RotationFailed", run, time, Optional.of(reason)));
    }

    private static ServiceEvent event(String eventName, RotationRun run, Instant time, Optional<String> errorMessage) {
        SecretScope scope = SecretScope.parse(run.scope());
        ObjectNode secret = NODES.objectNode().put("SecretId", run.arn());
        return new ServiceEvent(UUID.randomUUID().toString(), time, scope.account(), scope.region(),
                SecretsManagerService.DESCRIPTOR.eventSource(), eventName, List.of(run.arn()), NODES.objectNode(), secret,
                errorMessage);
    }
}
