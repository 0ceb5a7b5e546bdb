package dev.bulwark.iam;

import dev.bulwark.core.AccountId;

/**
 * What STS needs to know about a role to issue a session for it.
 *
 * @param arn                the role's ARN, with its path
 * @param roleId             the role's unique id ({@code AROA...}), which the session's principal id starts with
 * @param trustPolicy        the role's trust policy (AssumeRolePolicyDocument), as stored
 * @param maxSessionDuration the longest session the role allows, in seconds
 */
public record AssumableRole(
        AccountId account, String arn, String roleId, String roleName, String trustPolicy, int maxSessionDuration) {
}
