package dev.bulwark.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a service did on its own rather than in answer to an API call: a parameter policy
 * acting, a secret rotating, a key rotating automatically. CloudTrail records these with
 * {@code eventType: AwsServiceEvent}, no caller and the service itself as the one who acted.
 * The details are recorded as given, so they must never hold a secret value or key material.
 *
 * @param eventId             unique id of this event
 * @param eventTime           when it happened
 * @param account             the account whose resource it concerns, which receives the event
 * @param region              the region it happened in
 * @param eventSource         the service, as CloudTrail names it ({@code ssm.amazonaws.com})
 * @param eventName           what happened ({@code Expiration}, {@code RotationSucceeded})
 * @param resources           ARNs of the resources it concerns
 * @param serviceEventDetails CloudTrail's {@code serviceEventDetails}; empty to leave the field out
 * @param additionalEventData CloudTrail's {@code additionalEventData} (Secrets Manager's rotation
 *                            events name their secret there); empty to leave the field out
 * @param errorMessage        CloudTrail's {@code errorMessage}, for an event that reports a failure
 *                            (a rotation that failed says why there); never a secret value
 */
public record ServiceEvent(
        String eventId,
        Instant eventTime,
        AccountId account,
        Region region,
        String eventSource,
        String eventName,
        List<String> resources,
        ObjectNode serviceEventDetails,
        ObjectNode additionalEventData,
        Optional<String> errorMessage) {

    /** An event that reports no failure. */
    public ServiceEvent(String eventId, Instant eventTime, AccountId account, Region region, String eventSource,
            String eventName, List<String> resources, ObjectNode serviceEventDetails, ObjectNode additionalEventData) {
        this(eventId, eventTime, account, region, eventSource, eventName, resources, serviceEventDetails,
                additionalEventData, Optional.empty());
    }

    public ServiceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(errorMessage, "errorMessage");
        resources = List.copyOf(resources);
        // Copies, so that the raiser reusing its nodes cannot change what was recorded.
        serviceEventDetails = serviceEventDetails.deepCopy();
        additionalEventData = additionalEventData.deepCopy();
    }
}
