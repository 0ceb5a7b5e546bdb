package dev.bulwark.iam.internal;

import dev.bulwark.auth.identity.SessionCredentialStore;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.iam.IdentityPolicies;
import dev.bulwark.iam.PolicyDocumentText;
import dev.bulwark.iam.PrincipalPolicies;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdentityPolicies} over the store, read in one transaction so the answer is consistent.
 *
 * <p>A principal is matched to its IAM entity by name and unique id together: a user deleted
 * and recreated under the same name is a new user (new {@code AIDA...} id), so credentials of
 * the old one get no policies; likewise a role session whose role was recreated. Role
 * sessions are recognised by their ARN ({@code arn:aws:sts::1:assumed-role/Name/session}) and
 * principal id ({@code AROA...:session}).
 */
public final class StoredIdentityPolicies implements IdentityPolicies {
    private final Store store;

    public StoredIdentityPolicies(Store store) {
        this.store = store;
    }

    @Override
    public PrincipalPolicies forPrincipal(Principal principal) {
        return switch (principal.type()) {
            case ROOT -> new PrincipalPolicies(List.of(), Optional.empty(), List.of(), true);
            case IAM_USER -> store.read(tx -> forUser(tx, principal));
            case ASSUMED_ROLE -> store.read(tx -> forRoleSession(tx, principal));
            case FEDERATED_USER -> PrincipalPolicies.unknown();
        };
    }

    private static PrincipalPolicies forUser(ReadTransaction tx, Principal principal) {
        AccountId account = principal.account();
        Optional<UserRecord> found = EntityKind.USER.find(tx, account, Entities.nameInArn(principal.arn()))
                .filter(user -> user.userId().equals(principal.principalId()));
        if (found.isEmpty()) {
            return PrincipalPolicies.unknown();
        }
        UserRecord user = found.get();
        List<PolicyDocumentText> policies = new ArrayList<>(ownPolicies(tx, account, EntityKind.USER, user));
        for (String groupKey : user.groups()) {
            EntityKind.GROUP.find(tx, account, groupKey)
                    .ifPresent(group -> policies.addAll(ownPolicies(tx, account, EntityKind.GROUP, group)));
        }
        return new PrincipalPolicies(policies, boundary(tx, account, user.permissionsBoundaryArn()), List.of(), true);
    }

    private static PrincipalPolicies forRoleSession(ReadTransaction tx, Principal principal) {
        AccountId account = principal.account();
        String[] parts = principal.arn().split(":assumed-role/", 2);
        if (parts.length != 2 || parts[1].indexOf('/') < 0) {
            return PrincipalPolicies.unknown();
        }
        String roleName = parts[1].substring(0, parts[1].indexOf('/'));
        Optional<RoleRecord> found = EntityKind.ROLE.find(tx, account, roleName)
                .filter(role -> principal.principalId().startsWith(role.roleId() + ":"));
        if (found.isEmpty()) {
            return PrincipalPolicies.unknown();
        }
        RoleRecord role = found.get();
        List<PolicyDocumentText> sessionPolicies = new ArrayList<>();
        SessionCredentialStore.context(tx, principal.accessKeyId()).ifPresent(session -> {
            session.policy().ifPresent(policy -> sessionPolicies.add(new PolicyDocumentText("session", policy)));
            for (String policyArn : session.policyArns()) {
                managedDocument(tx, account, policyArn).ifPresent(sessionPolicies::add);
            }
        });
        return new PrincipalPolicies(ownPolicies(tx, account, EntityKind.ROLE, role),
                boundary(tx, account, role.permissionsBoundaryArn()), sessionPolicies, true);
    }

    private static <T extends PolicyHolder<T>> List<PolicyDocumentText> ownPolicies(ReadTransaction tx,
            AccountId account, EntityKind<T> kind, T entity) {
        List<PolicyDocumentText> policies = new ArrayList<>();
        for (Map.Entry<String, String> inline : entity.inlinePolicies().entrySet()) {
            policies.add(new PolicyDocumentText(kind.resourceType() + "/" + entity.name() + "/inline/" + inline.getKey(),
                    inline.getValue()));
        }
        for (String policyArn : entity.attachedPolicyArns()) {
            managedDocument(tx, account, policyArn).ifPresent(policies::add);
        }
        return policies;
    }

    private static Optional<PolicyDocumentText> boundary(ReadTransaction tx, AccountId account, String policyArn) {
        return policyArn == null ? Optional.empty() : managedDocument(tx, account, policyArn);
    }

    /** The default version of a managed policy of the account; nothing for other accounts' or unknown ARNs. */
    private static Optional<PolicyDocumentText> managedDocument(ReadTransaction tx, AccountId account, String policyArn) {
        return ManagedPolicies.find(tx, account, policyArn).map(policy -> new PolicyDocumentText(
                policyArn + " " + policy.defaultVersionId(), policy.defaultVersion().document()));
    }
}
