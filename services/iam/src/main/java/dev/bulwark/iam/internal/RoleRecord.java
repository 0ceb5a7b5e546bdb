package dev.bulwark.iam.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role as stored.
 *
 * @param trustPolicy            the AssumeRolePolicyDocument, as given
 * @param description            the description, or null
 * @param maxSessionDuration     the longest session AssumeRole may grant, in seconds
 * @param permissionsBoundaryArn the managed policy that bounds the role's permissions, or null
 */
record RoleRecord(
        String roleId,
        String roleName,
        String path,
        Instant created,
        String trustPolicy,
        String description,
        int maxSessionDuration,
        String permissionsBoundaryArn,
        List<TagRecord> tags,
        Map<String, String> inlinePolicies,
        List<String> attachedPolicyArns) implements PolicyHolder<RoleRecord>, Tagged<RoleRecord> {

    RoleRecord {
        tags = List.copyOf(tags);
        inlinePolicies = Entities.sorted(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    @Override
    public String name() {
        return roleName;
    }

    @Override
    public String id() {
        return roleId;
    }

    RoleRecord withTrustPolicy(String document) {
        return new RoleRecord(roleId, roleName, path, created, document, description, maxSessionDuration,
                permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns);
    }

    @Override
    public RoleRecord withTags(List<TagRecord> newTags) {
        return new RoleRecord(roleId, roleName, path, created, trustPolicy, description, maxSessionDuration,
                permissionsBoundaryArn, newTags, inlinePolicies, attachedPolicyArns);
    }

    @Override
    public RoleRecord withInlinePolicies(Map<String, String> policies) {
        return new RoleRecord(roleId, roleName, path, created, trustPolicy, description, maxSessionDuration,
                permissionsBoundaryArn, tags, policies, attachedPolicyArns);
    }

    @Override
    public RoleRecord withAttachedPolicyArns(List<String> arns) {
        return new RoleRecord(roleId, roleName, path, created, trustPolicy, description, maxSessionDuration,
                permissionsBoundaryArn, tags, inlinePolicies, arns);
    }
}
