package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Validation;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Users, groups or roles: where they are stored, how they are named in ARNs and errors, and
 * their quotas. Operations that work the same way on all three take one of these.
 *
 * @param resourceType           the ARN resource type and the word in messages: {@code user}
 * @param existingNameMax        the longest name operations on an existing entity accept (IAM's
 *                               model allows 128 for users and groups, 64 for roles)
 * @param inlinePolicySizeLimit  the most characters (whitespace excluded) all of an entity's
 *                               inline policies may have together
 * @param attachedPoliciesQuota  AWS's name for the attached managed policies quota
 * @param accountQuota           AWS's name for the number of such entities an account may have
 */
record EntityKind<T extends PolicyHolder<T>>(
        String resourceType,
        int existingNameMax,
        RecordTable<T> table,
        int inlinePolicySizeLimit,
        String attachedPoliciesQuota,
        String accountQuota,
        int accountLimit) {

    static final int ATTACHED_POLICIES_LIMIT = 10;

    static final EntityKind<UserRecord> USER = new EntityKind<>("user", 128,
            new RecordTable<>(IamSchema.USERS, UserRecord.class, UserRecord::name), 2048,
            "PoliciesPerUser", "UsersPerAccount", 5000);
    static final EntityKind<GroupRecord> GROUP = new EntityKind<>("group", 128,
            new RecordTable<>(IamSchema.GROUPS, GroupRecord.class, GroupRecord::name), 5120,
            "PoliciesPerGroup", "GroupsPerAccount", 300);
    static final EntityKind<RoleRecord> ROLE = new EntityKind<>("role", 64,
            new RecordTable<>(IamSchema.ROLES, RoleRecord.class, RoleRecord::name), 10240,
            "PoliciesPerRole", "RolesPerAccount", 1000);

    /** How requests name the entity: {@code userName}, {@code groupName}, {@code roleName}. */
    String nameMember() {
        return resourceType + "Name";
    }

    /** Validates a request's name of an existing entity, as a required member. */
    Validation existingName(Validation validation, String name) {
        return Constraints.name(validation.required(nameMember(), name), nameMember(), name, existingNameMax);
    }

    Optional<T> find(ReadTransaction tx, AccountId account, String name) {
        return table.find(tx, account, name);
    }

    /** The entity, or AWS's {@code NoSuchEntity}: "The user with name alice cannot be found." */
    T require(ReadTransaction tx, AccountId account, String name) {
        return find(tx, account, name).orElseThrow(() -> noSuchEntity(name));
    }

    void put(WriteTransaction tx, AccountId account, T entity) {
        table.put(tx, account, entity);
    }

    void delete(WriteTransaction tx, AccountId account, String name) {
        table.delete(tx, account, name);
    }

    Paging.Result<T> list(ReadTransaction tx, AccountId account, Paging paging, Predicate<T> filter) {
        return table.list(tx, account, paging, filter);
    }

    /** Refuses a new entity the account has no room for. */
    void requireRoomFor(ReadTransaction tx, AccountId account) {
        if (table.count(tx, account) >= accountLimit) {
            throw IamErrors.quota(accountQuota, accountLimit);
        }
    }

    /** {@code arn:aws:iam::111122223333:user/division/alice}: paths begin and end with a slash. */
    String arn(AccountId account, String path, String name) {
        return "arn:aws:iam::" + account + ":" + resourceType + path + name;
    }

    String arn(AccountId account, T entity) {
        return arn(account, entity.path(), entity.name());
    }

    /** The resource AWS authorizes listings of this kind against: {@code arn:aws:iam::111122223333:user/}. */
    String listingArn(AccountId account) {
        return "arn:aws:iam::" + account + ":" + resourceType + "/";
    }

    /**
     * The ARN to authorize an action on a named entity against: the entity's own when it exists,
     * else the one it would have at the root path (AWS authorizes before it says "not found").
     */
    String arnForName(ReadTransaction tx, AccountId account, String name) {
        return find(tx, account, name).map(entity -> arn(account, entity)).orElseGet(() -> arn(account, "/", name));
    }

    AwsException noSuchEntity(String name) {
        return IamErrors.noSuchEntity("The " + resourceType + " with name " + name + " cannot be found.");
    }

    AwsException alreadyExists(String name) {
        return IamErrors.entityAlreadyExists(Character.toUpperCase(resourceType.charAt(0)) + resourceType.substring(1)
                + " with name " + name + " already exists.");
    }
}
