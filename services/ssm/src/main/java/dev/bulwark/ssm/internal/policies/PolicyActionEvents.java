package dev.bulwark.ssm.internal.policies;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.audit.ServiceEventSink;
import dev.bulwark.ssm.ParameterEvents;
import dev.bulwark.ssm.SsmService;
import dev.bulwark.store.WriteTransaction;
import java.util.List;
import java.util.UUID;

/**
 * Parameter policy actions as CloudTrail service events: named after the policy type that acted
 * ({@code Expiration}, {@code ExpirationNotification}, {@code NoChangeNotification}), about the
 * parameter's ARN, with the detail of AWS's {@code Parameter Store Policy Action} event
 * ({@code parameter-name}, {@code parameter-type}, {@code policy-type}, {@code action-status},
 * {@code action-reason}) as {@code serviceEventDetails}. Never the parameter's value.
 */
public final class PolicyActionEvents implements ParameterEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ServiceEventSink auditTrail;

    public PolicyActionEvents(ServiceEventSink auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public void policyAction(WriteTransaction tx, PolicyAction action) {
        auditTrail.record(tx, event(action));
    }

    static ServiceEvent event(PolicyAction action) {
        ObjectNode details = NODES.objectNode()
                .put("parameter-name", action.parameterName())
                .put("parameter-type", action.parameterType())
                .put("policy-type", action.policyType())
                .put("action-status", action.actionStatus())
                .put("action-reason", action.actionReason());
        return new ServiceEvent(UUID.randomUUID().toString(), action.time(), action.account(), action.region(),
                SsmService.DESCRIPTOR.eventSource(), action.policyType(), List.of(action.parameterArn()), details,
                NODES.objectNode());
    }
}
