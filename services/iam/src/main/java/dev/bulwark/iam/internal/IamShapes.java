package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Stored IAM entities as the SDK shapes IAM answers with. As in AWS, the listing operations
 * return less than the Get operations: ListUsers and ListRoles leave out tags and permissions
 * boundaries, ListPolicies leaves out description and tags.
 */
final class IamShapes {
    private IamShapes() {
    }

    /** A user as GetUser and CreateUser describe it. */
    static User user(AccountId account, UserRecord user) {
        return userSummary(account, user).toBuilder()
                .permissionsBoundary(boundary(user.permissionsBoundaryArn()))
                .tags(user.tags().isEmpty() ? null : TagRules.toSdk(user.tags()))
                .build();
    }

    /** A user as ListUsers and GetGroup list it. */
    static User userSummary(AccountId account, UserRecord user) {
        return User.builder()
                .path(user.path())
                .userName(user.userName())
                .userId(user.userId())
                .arn(EntityKind.USER.arn(account, user))
                .createDate(user.created())
                .build();
    }

    static Group group(AccountId account, GroupRecord group) {
        return Group.builder()
                .path(group.path())
                .groupName(group.groupName())
                .groupId(group.groupId())
                .arn(EntityKind.GROUP.arn(account, group))
                .createDate(group.created())
                .build();
    }

    /** A role as GetRole and CreateRole describe it: the trust policy URL-encoded, as AWS returns it. */
    static Role role(AccountId account, RoleRecord role) {
        return roleSummary(account, role).toBuilder()
                .permissionsBoundary(boundary(role.permissionsBoundaryArn()))
                .tags(role.tags().isEmpty() ? null : TagRules.toSdk(role.tags()))
                .roleLastUsed(RoleLastUsed.builder().build())
                .build();
    }

    /** A role as ListRoles lists it. */
    static Role roleSummary(AccountId account, RoleRecord role) {
        return Role.builder()
                .path(role.path())
                .roleName(role.roleName())
                .roleId(role.roleId())
                .arn(EntityKind.ROLE.arn(account, role))
                .createDate(role.created())
                .assumeRolePolicyDocument(PolicyDocuments.urlEncoded(role.trustPolicy()))
                .description(role.description())
                .maxSessionDuration(role.maxSessionDuration())
                .build();
    }

    /** A managed policy as GetPolicy and CreatePolicy describe it. */
    static Policy policy(AccountId account, ManagedPolicyRecord policy) {
        return policySummary(account, policy).toBuilder()
                .description(policy.description())
                .tags(policy.tags().isEmpty() ? null : TagRules.toSdk(policy.tags()))
                .build();
    }

    /** A managed policy as ListPolicies lists it. */
    static Policy policySummary(AccountId account, ManagedPolicyRecord policy) {
        return Policy.builder()
                .policyName(policy.policyName())
                .policyId(policy.policyId())
                .arn(ManagedPolicies.arn(account, policy))
                .path(policy.path())
                .defaultVersionId(policy.defaultVersionId())
                .attachmentCount(policy.attachmentCount())
                .permissionsBoundaryUsageCount(policy.boundaryUsageCount())
                .isAttachable(true)
                .createDate(policy.created())
                .updateDate(policy.updated())
                .build();
    }

    /** A policy version; with its document (URL-encoded) only for GetPolicyVersion, as AWS. */
    static PolicyVersion version(ManagedPolicyRecord policy, ManagedPolicyRecord.Version version, boolean withDocument) {
        return PolicyVersion.builder()
                .document(withDocument ? PolicyDocuments.urlEncoded(version.document()) : null)
                .versionId(version.versionId())
                .isDefaultVersion(version.versionId().equals(policy.defaultVersionId()))
                .createDate(version.created())
                .build();
    }

    private static AttachedPermissionsBoundary boundary(String policyArn) {
        return policyArn == null ? null : AttachedPermissionsBoundary.builder()
                .permissionsBoundaryType(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY)
                .permissionsBoundaryArn(policyArn)
                .build();
    }
}
