package dev.bulwark.auth.identity;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import java.time.Instant;

/**
 * What may be said about a long-term access key without its secret: IAM's
 * {@code AccessKeyMetadata} and the owner it authenticates as.
 *
 * @param ownerArn the owner's ARN: an IAM user's, or the account root's
 * @param ownerId  the owner's unique id: {@code AIDA...} for a user, the account id for root
 */
public record AccessKeyInfo(
        String accessKeyId,
        AccessKeyStatus status,
        Principal.Type ownerType,
        AccountId account,
        String ownerArn,
        String ownerId,
        Instant created) {
}
