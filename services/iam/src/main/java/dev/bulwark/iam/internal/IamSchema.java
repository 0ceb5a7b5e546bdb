package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.store.RecordKey;

/**
 * IAM's storage schema: one namespace per entity type, each scoped by account (IAM is global:
 * no region), records keyed by the entity's lower-case name (see {@link Entities#key}).
 *
 * <table>
 *   <tr><th>Namespace</th><th>Document</th></tr>
 *   <tr><td>{@code iam.user}</td><td>{@link UserRecord}</td></tr>
 *   <tr><td>{@code iam.group}</td><td>{@link GroupRecord}</td></tr>
 *   <tr><td>{@code iam.role}</td><td>{@link RoleRecord}</td></tr>
 *   <tr><td>{@code iam.policy}</td><td>{@link ManagedPolicyRecord}</td></tr>
 * </table>
 *
 * Inline policies, group memberships and attachments live inside these documents; access keys
 * live in the access key store of the auth module, and temporary credentials with their
 * sessions in its session credential store.
 */
final class IamSchema {
    static final String USERS = "iam.user";
    static final String GROUPS = "iam.group";
    static final String ROLES = "iam.role";
    static final String POLICIES = "iam.policy";

    private IamSchema() {
    }

    static RecordKey key(String namespace, AccountId account, String name) {
        return new RecordKey(namespace, RecordKey.scope(account), Entities.key(name));
    }
}
