package dev.bulwark.cloudtrail.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Turns a gateway call record, or an event a service raised itself, into a CloudTrail event
 * record, eventVersion 1.08, with AWS's fields in AWS's order. The call record already holds
 * request and response without the members AWS marks sensitive; {@link Redactions} applies what
 * AWS leaves out beyond that. A request or response without members is logged as {@code null},
 * as AWS logs StartLogging's response or GetCallerIdentity's request.
 * {@code tlsDetails} is omitted: the gateway does not learn the TLS version and cipher.
 */
public final class EventRecords {
    private static final String EVENT_VERSION = "1.08";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventRecords() {
    }

    /**
     * @param key what is known of the access key the call named: for a failed authentication its
     *            owner, for a session the session; empty when nothing was looked up or found
     */
    public static ObjectNode render(CallRecord call, Attribution where, Optional<AccessKeyFacts.Key> key) {
        ObjectNode event = NODES.objectNode();
        event.put("eventVersion", EVENT_VERSION);
        event.set("userIdentity", UserIdentities.of(call.principal(), call.accessKeyId(), key));
        event.put("eventTime", eventTime(call.eventTime()));
        event.put("eventSource", call.eventSource());
        event.put("eventName", call.eventName());
        event.put("awsRegion", where.region().name());
        event.put("sourceIPAddress", call.sourceIp());
        event.put("userAgent", call.userAgent());
        call.errorCode().ifPresent(code -> event.put("errorCode", code));
        call.errorMessage().ifPresent(message -> event.put("errorMessage", message));
        event.set("requestParameters", call.requestParameters()
                .filter(parameters -> !parameters.isEmpty())
                .map(parameters -> Redactions.requestParameters(call.eventSource(), parameters))
                .orElse(null));
        event.set("responseElements", call.responseElements()
                .filter(elements -> !elements.isEmpty())
                .filter(elements -> Redactions.logsResponse(call.eventSource(), call.eventName()))
                .map(Redactions::withoutCredentials)
                .orElse(null));
        event.put("requestID", call.requestId());
        event.put("eventID", call.eventId());
        event.put("readOnly", call.readOnly());
        if (!call.resources().isEmpty()) {
            event.set("resources", resources(call.resources(), where.account()));
        }
        event.put("eventType", "AwsApiCall");
        event.put("managementEvent", true);
        event.put("recipientAccountId", where.account().value());
        event.put("eventCategory", "Management");
        return event;
    }

    /**
     * A service event as AWS records one: nobody called, so {@code userIdentity} names only the
     * account and the service that acted ({@code invokedBy}), the service's host stands for the
     * source address and user agent, and there is no request or response (logged {@code null})
     * and no request id. An event that reports a failure says why in {@code errorMessage}, without
     * an {@code errorCode}, as AWS records a failed rotation. The details are recorded as given,
     * less any credential-named member.
     */
    public static ObjectNode render(ServiceEvent serviceEvent) {
        ObjectNode event = NODES.objectNode();
        event.put("eventVersion", EVENT_VERSION);
        ObjectNode identity = event.putObject("userIdentity");
        identity.put("accountId", serviceEvent.account().value());
        identity.put("invokedBy", serviceEvent.eventSource());
        event.put("eventTime", eventTime(serviceEvent.eventTime()));
        event.put("eventSource", serviceEvent.eventSource());
        event.put("eventName", serviceEvent.eventName());
        event.put("awsRegion", serviceEvent.region().name());
        event.put("sourceIPAddress", serviceEvent.eventSource());
        event.put("userAgent", serviceEvent.eventSource());
        serviceEvent.errorMessage().ifPresent(message -> event.put("errorMessage", message));
        event.putNull("requestParameters");
        event.putNull("responseElements");
        if (!serviceEvent.additionalEventData().isEmpty()) {
            event.set("additionalEventData", Redactions.withoutCredentials(serviceEvent.additionalEventData()));
        }
        event.put("eventID", serviceEvent.eventId());
        event.put("readOnly", false);
        if (!serviceEvent.resources().isEmpty()) {
            event.set("resources", resources(serviceEvent.resources(), serviceEvent.account()));
        }
        event.put("eventType", "AwsServiceEvent");
        event.put("managementEvent", true);
        event.put("recipientAccountId", serviceEvent.account().value());
        if (!serviceEvent.serviceEventDetails().isEmpty()) {
            event.set("serviceEventDetails", Redactions.withoutCredentials(serviceEvent.serviceEventDetails()));
        }
        event.put("eventCategory", "Management");
        return event;
    }

    /** CloudTrail writes event times to the second, in UTC: {@code 2024-05-01T12:00:00Z}. */
    public static String eventTime(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static ArrayNode resources(List<String> arns, AccountId recipient) {
        ArrayNode resources = NODES.arrayNode();
        for (String resource : arns) {
            ObjectNode element = resources.addObject();
            Optional<Arn> arn = Arn.parse(resource);
            element.put("accountId", arn.map(Arn::account).filter(a -> !a.isEmpty()).orElse(recipient.value()));
            element.put("type", arn.map(ResourceTypes::of).orElse("AWS::Unknown"));
            element.put("ARN", resource);
        }
        return resources;
    }
}
