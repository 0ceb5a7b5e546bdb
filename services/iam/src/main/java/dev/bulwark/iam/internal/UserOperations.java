package dev.bulwark.iam.internal;

import dev.bulwark.auth.identity.AccessKeyInfo;
import dev.bulwark.auth.identity.AccessKeyStore;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser.
 *
 * <p>Every operation authorizes against the user's ARN before it says whether the user exists,
 * as AWS does, so a caller without permission learns nothing. A rename or move changes the ARN:
 * the user's access keys are rebound to it and its groups' member lists follow, in the same
 * transaction.
 */
public final class UserOperations {
    private static final EntityKind<UserRecord> USER = EntityKind.USER;

    private final IamContext iam;

    public UserOperations(IamContext iam) {
        this.iam = iam;
    }

    public CreateUserResponse createUser(Caller caller, CreateUserRequest request) {
        Validation validation = Validation.check().required("userName", request.userName());
        Constraints.name(validation, "userName", request.userName(), Constraints.USER_NAME_MAX)
                .string("path", request.path(), 1, Constraints.PATH_MAX, Constraints.PATH)
                .string("permissionsBoundary", request.permissionsBoundary(), Constraints.ARN_MIN, Constraints.ARN_MAX,
                        null);
        TagRules.constraints(validation, "tags", request.tags()).orThrow();
        List<TagRecord> tags = TagRules.accept(request.tags());
        AccountId account = caller.account();
        String name = request.userName();
        String path = Optional.ofNullable(request.path()).orElse("/");
        String boundary = request.permissionsBoundary();

        Map<String, List<String>> conditions = new LinkedHashMap<>(TagRules.requestConditions(tags));
        if (boundary != null) {
            conditions.put("iam:PermissionsBoundary", List.of(boundary));
        }
        caller.authorize("iam:CreateUser", USER.arn(account, path, name), conditions);
        UserRecord created = iam.store().write(tx -> {
            if (USER.find(tx, account, name).isPresent()) {
                throw USER.alreadyExists(name);
            }
            USER.requireRoomFor(tx, account);
            if (boundary != null) {
                ManagedPolicies.useAsBoundary(tx, account, boundary);
            }
            UserRecord user = new UserRecord(iam.newId("AIDA"), name, path, iam.now(), boundary, tags, List.of(),
                    Map.of(), List.of());
            USER.put(tx, account, user);
            return user;
        });
        return CreateUserResponse.builder().user(IamShapes.user(account, created)).build();
    }

    /** Without a name: the calling user, or for the account root the root user, as AWS answers. */
    public GetUserResponse getUser(Caller caller, GetUserRequest request) {
        Constraints.name(Validation.check(), "userName", request.userName(), Constraints.EXISTING_USER_NAME_MAX)
                .orThrow();
        AccountId account = caller.account();
        Optional<String> name = Optional.ofNullable(request.userName()).or(() -> Callers.callingUserName(caller));
        if (name.isEmpty()) {
            caller.authorize("iam:GetUser", caller.principal().arn());
            return GetUserResponse.builder().user(rootUser(caller.principal())).build();
        }
        caller.authorize("iam:GetUser", iam.store().read(tx -> USER.arnForName(tx, account, name.get())));
        UserRecord user = iam.store().read(tx -> USER.require(tx, account, name.get()));
        return GetUserResponse.builder().user(IamShapes.user(account, user)).build();
    }

    public ListUsersResponse listUsers(Caller caller, ListUsersRequest request) {
        Validation validation = Validation.check()
                .string("pathPrefix", request.pathPrefix(), 1, Constraints.PATH_MAX, Constraints.PATH_PREFIX);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        String prefix = Optional.ofNullable(request.pathPrefix()).orElse("/");
        caller.authorize("iam:ListUsers", USER.listingArn(account));
        Paging.Result<UserRecord> page = iam.store().read(tx -> USER.list(tx, account,
                Paging.of(request.marker(), request.maxItems()), user -> user.path().startsWith(prefix)));
        return ListUsersResponse.builder()
                .users(page.items().stream().map(user -> IamShapes.userSummary(account, user)).toList())
                .isTruncated(page.truncated())
                .marker(page.marker().orElse(null))
                .build();
    }

    /** A rename or move needs permission on the user's old ARN and on its new one. */
    public UpdateUserResponse updateUser(Caller caller, UpdateUserRequest request) {
        Validation validation = Validation.check().required("userName", request.userName());
        Constraints.name(validation, "userName", request.userName(), Constraints.EXISTING_USER_NAME_MAX)
                .string("newPath", request.newPath(), 1, Constraints.PATH_MAX, Constraints.PATH);
        Constraints.name(validation, "newUserName", request.newUserName(), Constraints.USER_NAME_MAX).orThrow();
        AccountId account = caller.account();
        String name = request.userName();
        Optional<UserRecord> current = iam.store().read(tx -> USER.find(tx, account, name));
        caller.authorize("iam:UpdateUser", current.map(user -> USER.arn(account, user))
                .orElseGet(() -> USER.arn(account, "/", name)));
        current.ifPresent(user -> caller.authorize("iam:UpdateUser", USER.arn(account,
                Optional.ofNullable(request.newPath()).orElse(user.path()),
                Optional.ofNullable(request.newUserName()).orElse(user.userName()))));
        iam.store().write(tx -> {
            UserRecord user = USER.require(tx, account, name);
            UserRecord updated = user.renamed(Optional.ofNullable(request.newUserName()).orElse(user.userName()),
                    Optional.ofNullable(request.newPath()).orElse(user.path()));
            boolean renamed = !Entities.key(updated.userName()).equals(Entities.key(user.userName()));
            if (renamed && USER.find(tx, account, updated.userName()).isPresent()) {
                throw USER.alreadyExists(updated.userName());
            }
            USER.delete(tx, account, user.userName());
            USER.put(tx, account, updated);
            if (renamed) {
                renameInGroups(tx, account, user, updated);
            }
            String newArn = USER.arn(account, updated);
            for (AccessKeyInfo key : AccessKeyStore.keysOf(tx, Principal.Type.IAM_USER, account, user.userId())) {
                AccessKeyStore.rebind(tx, key.accessKeyId(), newArn);
            }
            return null;
        });
        return UpdateUserResponse.builder().build();
    }

    /**
     * Refuses while the user still has access keys, inline policies, attached policies or
     * groups, with AWS's DeleteConflict messages, in that order.
     */
    public DeleteUserResponse deleteUser(Caller caller, DeleteUserRequest request) {
        Validation validation = Validation.check().required("userName", request.userName());
        Constraints.name(validation, "userName", request.userName(), Constraints.EXISTING_USER_NAME_MAX).orThrow();
        AccountId account = caller.account();
        String name = request.userName();
        caller.authorize("iam:DeleteUser", iam.store().read(tx -> USER.arnForName(tx, account, name)));
        iam.store().write(tx -> {
            UserRecord user = USER.require(tx, account, name);
            if (!AccessKeyStore.keysOf(tx, Principal.Type.IAM_USER, account, user.userId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!user.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!user.attachedPolicyArns().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!user.groups().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove user from all groups first.");
            }
            if (user.permissionsBoundaryArn() != null) {
                ManagedPolicies.releaseBoundary(tx, account, user.permissionsBoundaryArn());
            }
            USER.delete(tx, account, user.userName());
            return null;
        });
        return DeleteUserResponse.builder().build();
    }

    private static void renameInGroups(WriteTransaction tx, AccountId account, UserRecord before, UserRecord after) {
        String oldKey = Entities.key(before.userName());
        String newKey = Entities.key(after.userName());
        for (String groupKey : before.groups()) {
            EntityKind.GROUP.find(tx, account, groupKey).ifPresent(group -> EntityKind.GROUP.put(tx, account,
                    group.withMembers(group.members().stream().map(m -> m.equals(oldKey) ? newKey : m).toList())));
        }
    }

    /**
     * The account root as GetUser describes it: its ARN and the account id, no name or path, and
     * as creation date that of its oldest access key (the account's first credential here).
     */
    private User rootUser(Principal root) {
        Instant created = iam.store().read(tx -> oldestRootKey(tx, root.account())).orElseGet(iam::now);
        return User.builder().userId(root.account().value()).arn(root.arn()).createDate(created).build();
    }

    private static Optional<Instant> oldestRootKey(ReadTransaction tx, AccountId account) {
        return AccessKeyStore.keysOf(tx, Principal.Type.ROOT, account, account.value()).stream()
                .map(AccessKeyInfo::created).min(Instant::compareTo);
    }
}
