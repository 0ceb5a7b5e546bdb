package dev.bulwark.iam.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user as stored. Access keys are not here: they live with their secrets in the
 * access key store, indexed by {@link #userId}.
 *
 * @param groups                 the keys (lower-case names) of the groups the user belongs to
 * @param permissionsBoundaryArn the managed policy that bounds the user's permissions, or null
 */
record UserRecord(
        String userId,
        String userName,
        String path,
        Instant created,
        String permissionsBoundaryArn,
        List<TagRecord> tags,
        List<String> groups,
        Map<String, String> inlinePolicies,
        List<String> attachedPolicyArns) implements PolicyHolder<UserRecord>, Tagged<UserRecord> {

    UserRecord {
        tags = List.copyOf(tags);
        groups = List.copyOf(groups);
        inlinePolicies = Entities.sorted(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    @Override
    public String name() {
        return userName;
    }

    @Override
    public String id() {
        return userId;
    }

    UserRecord renamed(String newName, String newPath) {
        return new UserRecord(userId, newName, newPath, created, permissionsBoundaryArn, tags, groups,
                inlinePolicies, attachedPolicyArns);
    }

    @Override
    public UserRecord withTags(List<TagRecord> newTags) {
        return new UserRecord(userId, userName, path, created, permissionsBoundaryArn, newTags, groups,
                inlinePolicies, attachedPolicyArns);
    }

    UserRecord withGroups(List<String> newGroups) {
        return new UserRecord(userId, userName, path, created, permissionsBoundaryArn, tags, newGroups,
                inlinePolicies, attachedPolicyArns);
    }

    @Override
    public UserRecord withInlinePolicies(Map<String, String> policies) {
        return new UserRecord(userId, userName, path, created, permissionsBoundaryArn, tags, groups, policies,
                attachedPolicyArns);
    }

    @Override
    public UserRecord withAttachedPolicyArns(List<String> arns) {
        return new UserRecord(userId, userName, path, created, permissionsBoundaryArn, tags, groups, inlinePolicies,
                arns);
    }
}
