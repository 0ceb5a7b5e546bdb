package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;

/**
 * Groups: CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup,
 * ListGroupsForUser. Membership is recorded on both sides (the group lists its members, each
 * user its groups) and both change in one transaction, so each listing is one read.
 */
public final class GroupOperations {
    private static final EntityKind<GroupRecord> GROUP = EntityKind.GROUP;
    private static final EntityKind<UserRecord> USER = EntityKind.USER;
    private static final int GROUPS_PER_USER = 10;

    private final IamContext iam;

    public GroupOperations(IamContext iam) {
        this.iam = iam;
    }

    public CreateGroupResponse createGroup(Caller caller, CreateGroupRequest request) {
        Validation validation = Validation.check().required("groupName", request.groupName())
                .string("path", request.path(), 1, Constraints.PATH_MAX, Constraints.PATH);
        Constraints.name(validation, "groupName", request.groupName(), Constraints.GROUP_NAME_MAX).orThrow();
        AccountId account = caller.account();
        String name = request.groupName();
        String path = Optional.ofNullable(request.path()).orElse("/");
        caller.authorize("iam:CreateGroup", GROUP.arn(account, path, name));
        GroupRecord created = iam.store().write(tx -> {
            if (GROUP.find(tx, account, name).isPresent()) {
                throw GROUP.alreadyExists(name);
            }
            GROUP.requireRoomFor(tx, account);
            GroupRecord group = new GroupRecord(iam.newId("AGPA"), name, path, iam.now(), List.of(), Map.of(), List.of());
            GROUP.put(tx, account, group);
            return group;
        });
        return CreateGroupResponse.builder().group(IamShapes.group(account, created)).build();
    }

    /** The group and a page of its users, in name order. */
    public GetGroupResponse getGroup(Caller caller, GetGroupRequest request) {
        Validation validation = Validation.check().required("groupName", request.groupName());
        Constraints.name(validation, "groupName", request.groupName(), Constraints.GROUP_NAME_MAX);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        caller.authorize("iam:GetGroup", iam.store().read(tx -> GROUP.arnForName(tx, account, request.groupName())));
        record Found(GroupRecord group, Paging.Result<UserRecord> users) {
        }
        Found found = iam.store().read(tx -> {
            GroupRecord group = GROUP.require(tx, account, request.groupName());
            List<UserRecord> members = new ArrayList<>();
            group.members().forEach(member -> USER.find(tx, account, member).ifPresent(members::add));
            members.sort(Comparator.comparing(user -> Entities.key(user.userName())));
            return new Found(group, Paging.of(request.marker(), request.maxItems())
                    .page(members, user -> Entities.key(user.userName())));
        });
        return GetGroupResponse.builder()
                .group(IamShapes.group(account, found.group()))
                .users(found.users().items().stream().map(user -> IamShapes.userSummary(account, user)).toList())
                .isTruncated(found.users().truncated())
                .marker(found.users().marker().orElse(null))
                .build();
    }

    public ListGroupsResponse listGroups(Caller caller, ListGroupsRequest request) {
        Validation validation = Validation.check()
                .string("pathPrefix", request.pathPrefix(), 1, Constraints.PATH_MAX, Constraints.PATH_PREFIX);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        String prefix = Optional.ofNullable(request.pathPrefix()).orElse("/");
        caller.authorize("iam:ListGroups", GROUP.listingArn(account));
        Paging.Result<GroupRecord> page = iam.store().read(tx -> GROUP.list(tx, account,
                Paging.of(request.marker(), request.maxItems()), group -> group.path().startsWith(prefix)));
        return ListGroupsResponse.builder()
                .groups(page.items().stream().map(group -> IamShapes.group(account, group)).toList())
                .isTruncated(page.truncated())
                .marker(page.marker().orElse(null))
                .build();
    }

    /** Refuses while the group has members, inline policies or attached policies. */
    public DeleteGroupResponse deleteGroup(Caller caller, DeleteGroupRequest request) {
        Validation validation = Validation.check().required("groupName", request.groupName());
        Constraints.name(validation, "groupName", request.groupName(), Constraints.GROUP_NAME_MAX).orThrow();
        AccountId account = caller.account();
        caller.authorize("iam:DeleteGroup", iam.store().read(tx -> GROUP.arnForName(tx, account, request.groupName())));
        iam.store().write(tx -> {
            GroupRecord group = GROUP.require(tx, account, request.groupName());
            if (!group.members().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!group.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!group.attachedPolicyArns().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            GROUP.delete(tx, account, group.groupName());
            return null;
        });
        return DeleteGroupResponse.builder().build();
    }

    /** Adding a member twice changes nothing, as in AWS; a user may be in at most ten groups. */
    public AddUserToGroupResponse addUserToGroup(Caller caller, AddUserToGroupRequest request) {
        validateMembership(request.groupName(), request.userName());
        AccountId account = caller.account();
        caller.authorize("iam:AddUserToGroup", iam.store().read(tx -> GROUP.arnForName(tx, account, request.groupName())));
        iam.store().write(tx -> {
            GroupRecord group = GROUP.require(tx, account, request.groupName());
            UserRecord user = USER.require(tx, account, request.userName());
            String groupKey = Entities.key(group.groupName());
            if (user.groups().contains(groupKey)) {
                return null;
            }
            if (user.groups().size() >= GROUPS_PER_USER) {
                throw IamErrors.quota("GroupsPerUser", GROUPS_PER_USER);
            }
            USER.put(tx, account, user.withGroups(plus(user.groups(), groupKey)));
            GROUP.put(tx, account, group.withMembers(plus(group.members(), Entities.key(user.userName()))));
            return null;
        });
        return AddUserToGroupResponse.builder().build();
    }

    public RemoveUserFromGroupResponse removeUserFromGroup(Caller caller, RemoveUserFromGroupRequest request) {
        validateMembership(request.groupName(), request.userName());
        AccountId account = caller.account();
        caller.authorize("iam:RemoveUserFromGroup",
                iam.store().read(tx -> GROUP.arnForName(tx, account, request.groupName())));
        iam.store().write(tx -> {
            GroupRecord group = GROUP.require(tx, account, request.groupName());
            UserRecord user = USER.require(tx, account, request.userName());
            String groupKey = Entities.key(group.groupName());
            String userKey = Entities.key(user.userName());
            if (!user.groups().contains(groupKey)) {
                throw IamErrors.noSuchEntity("User " + user.userName() + " is not in group " + group.groupName() + ".");
            }
            USER.put(tx, account, user.withGroups(user.groups().stream().filter(g -> !g.equals(groupKey)).toList()));
            GROUP.put(tx, account, group.withMembers(group.members().stream().filter(u -> !u.equals(userKey)).toList()));
            return null;
        });
        return RemoveUserFromGroupResponse.builder().build();
    }

    public ListGroupsForUserResponse listGroupsForUser(Caller caller, ListGroupsForUserRequest request) {
        Validation validation = Validation.check().required("userName", request.userName());
        Constraints.name(validation, "userName", request.userName(), Constraints.EXISTING_USER_NAME_MAX);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        caller.authorize("iam:ListGroupsForUser",
                iam.store().read(tx -> USER.arnForName(tx, account, request.userName())));
        Paging.Result<GroupRecord> page = iam.store().read(tx -> {
            UserRecord user = USER.require(tx, account, request.userName());
            List<GroupRecord> groups = new ArrayList<>();
            user.groups().forEach(key -> GROUP.find(tx, account, key).ifPresent(groups::add));
            groups.sort(Comparator.comparing(group -> Entities.key(group.groupName())));
            return Paging.of(request.marker(), request.maxItems()).page(groups, group -> Entities.key(group.groupName()));
        });
        return ListGroupsForUserResponse.builder()
                .groups(page.items().stream().map(group -> IamShapes.group(account, group)).toList())
                .isTruncated(page.truncated())
                .marker(page.marker().orElse(null))
                .build();
    }

    private static void validateMembership(String groupName, String userName) {
        Validation validation = Validation.check().required("groupName", groupName).required("userName", userName);
        Constraints.name(validation, "groupName", groupName, Constraints.GROUP_NAME_MAX);
        Constraints.name(validation, "userName", userName, Constraints.EXISTING_USER_NAME_MAX).orThrow();
    }

    private static List<String> plus(List<String> list, String element) {
        List<String> more = new ArrayList<>(list);
        more.add(element);
        return more;
    }
}
