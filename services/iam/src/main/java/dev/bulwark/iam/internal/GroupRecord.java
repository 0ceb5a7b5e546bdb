package dev.bulwark.iam.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM group as stored.
 *
 * @param members the keys (lower-case names) of the users in the group; each user lists the
 *                group too, and both sides change in one transaction
 */
record GroupRecord(
        String groupId,
        String groupName,
        String path,
        Instant created,
        List<String> members,
        Map<String, String> inlinePolicies,
        List<String> attachedPolicyArns) implements PolicyHolder<GroupRecord> {

    GroupRecord {
        members = List.copyOf(members);
        inlinePolicies = Entities.sorted(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    @Override
    public String name() {
        return groupName;
    }

    @Override
    public String id() {
        return groupId;
    }

    GroupRecord withMembers(List<String> newMembers) {
        return new GroupRecord(groupId, groupName, path, created, newMembers, inlinePolicies, attachedPolicyArns);
    }

    @Override
    public GroupRecord withInlinePolicies(Map<String, String> policies) {
        return new GroupRecord(groupId, groupName, path, created, members, policies, attachedPolicyArns);
    }

    @Override
    public GroupRecord withAttachedPolicyArns(List<String> arns) {
        return new GroupRecord(groupId, groupName, path, created, members, inlinePolicies, arns);
    }
}
