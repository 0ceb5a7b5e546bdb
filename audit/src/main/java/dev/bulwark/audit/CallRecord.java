package dev.bulwark.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.call.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit trail learns of one API call, allowed or denied, successful or failed
 * (authentication failures too). Request and response content is kept only as rendered
 * without the members AWS marks sensitive, so a record never carries a plaintext or a
 * secret; the CloudTrail module turns it into an event record.
 *
 * @param eventId       unique id of this record
 * @param eventTime     when the call arrived
 * @param requestId     the request id returned to the client
 * @param principal     who called; empty when authentication failed
 * @param accessKeyId   the access key the request named, even if unknown; empty if none
 * @param eventSource   the service, as CloudTrail names it ({@code kms.amazonaws.com}); empty if unknown
 * @param eventName     the operation ({@code Encrypt}); empty if it could not be determined
 * @param awsRegion     the region of the credential scope; empty if unknown
 * @param sourceIp      the client address
 * @param userAgent     the client's User-Agent
 * @param resources     ARNs of the resources the call touched
 * @param readOnly      whether the operation only reads
 * @param requestParameters the request's members, CloudTrail style, without those AWS marks
 *                      sensitive (plaintexts, secret values); empty if the request was not read
 * @param responseElements the response's members likewise; empty for failed calls
 * @param errorCode     the AWS error code of a failed call; empty on success
 * @param errorMessage  the error message of a failed call; empty on success
 */
public record CallRecord(
        String eventId,
        Instant eventTime,
        String requestId,
        Optional<Principal> principal,
        Optional<String> accessKeyId,
        String eventSource,
        String eventName,
        String awsRegion,
        String sourceIp,
        String userAgent,
        List<String> resources,
        boolean readOnly,
        Optional<ObjectNode> requestParameters,
        Optional<ObjectNode> responseElements,
        Optional<String> errorCode,
        Optional<String> errorMessage) {

    public CallRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        resources = List.copyOf(resources);
        Objects.requireNonNull(requestParameters, "requestParameters");
        Objects.requireNonNull(responseElements, "responseElements");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    public boolean succeeded() {
        return errorCode.isEmpty();
    }
}
