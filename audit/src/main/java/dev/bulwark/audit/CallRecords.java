package dev.bulwark.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.service.ServiceDescriptor;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Call records for calls that do not pass through the gateway: one service calling another on a
 * caller's behalf (Parameter Store and Secrets Manager encrypting through KMS). CloudTrail records
 * such a call as an event of the callee's, made by the caller's principal from the forwarding
 * service ({@link Caller#via}), under the request id of the caller's original request.
 */
public final class CallRecords {
    private CallRecords() {
    }

    /**
     * @param caller            the forwarded caller ({@link Caller#via}); its principal, region,
     *                          request id, source, user agent and noted resources are recorded
     * @param service           the service called, for its event source and error codes
     * @param eventName         the operation, {@code Decrypt}
     * @param requestParameters the request as CloudTrail shows it, without secrets
     * @param failure           the error the call ended with; empty if it succeeded
     */
    public static CallRecord forwarded(Caller caller, ServiceDescriptor service, String eventName, boolean readOnly,
            Instant eventTime, ObjectNode requestParameters, Optional<AwsException> failure) {
        String accessKeyId = caller.principal().accessKeyId();
        return new CallRecord(
                UUID.randomUUID().toString(),
                eventTime,
                caller.requestId(),
                Optional.of(caller.principal()),
                accessKeyId.isEmpty() ? Optional.empty() : Optional.of(accessKeyId),
                service.eventSource(),
                eventName,
                caller.region().name(),
                caller.sourceIp(),
                caller.userAgent(),
                caller.resources(),
                readOnly,
                Optional.of(requestParameters),
                Optional.empty(),
                failure.map(error -> error.codeFor(service.protocol())),
                failure.map(AwsException::getMessage));
    }
}
