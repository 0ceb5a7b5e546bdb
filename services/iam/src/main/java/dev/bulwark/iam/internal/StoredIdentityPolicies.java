package dev.bulwark.iam.internal;

import dev.bulwark.auth.IdentityPolicySource;
import dev.bulwark.auth.identity.SessionContext;
import dev.bulwark.auth.identity.SessionCredentialStore;
import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdentityPolicySource} over IAM's records, read in one transaction so the answer is
 * consistent, and afresh on every call so a policy change applies to the very next request.
 *
 * <p>A principal is matched to its IAM entity by name and unique id together: a user deleted
 * and recreated under the same name is a new user (a new {@code AIDA...} id), so credentials of
 * the old one get no policies; likewise a role session whose role was recreated. A role session
 * ({@code arn:aws:sts::1:assumed-role/Name/session}, principal id {@code AROA...:session}) is
 * evaluated as its role, whose ARN with its path comes from the session STS recorded; its
 * principal tags are the role's tags overridden by the session's, as in AWS.
 *
 * <p>Documents were validated by the same parser when they were stored; should one no longer
 * parse (a stricter parser after an upgrade), the call fails rather than evaluate without it.
 * Permissions boundaries are stored but not returned: the engine does not evaluate them yet.
 */
public final class StoredIdentityPolicies implements IdentityPolicySource {
    private final Store store;

    public StoredIdentityPolicies(Store store) {
        this.store = store;
    }

    @Override
    public PrincipalPolicies policiesOf(Principal principal) {
        return switch (principal.type()) {
            case ROOT -> new PrincipalPolicies(AwsPrincipal.root(principal.account()), List.of(), List.of());
            case IAM_USER -> store.read(tx -> forUser(tx, principal));
            case ASSUMED_ROLE -> store.read(tx -> forRoleSession(tx, principal));
            case FEDERATED_USER -> new PrincipalPolicies(
                    AwsPrincipal.federatedUser(principal.account(), Entities.nameInArn(principal.arn())), List.of(),
                    List.of());
        };
    }

    private static PrincipalPolicies forUser(ReadTransaction tx, Principal principal) {
        AccountId account = principal.account();
        AwsPrincipal evaluated = AwsPrincipal.user(principal.arn(), principal.principalId());
        Optional<UserRecord> found = EntityKind.USER.find(tx, account, Entities.nameInArn(principal.arn()))
                .filter(user -> user.userId().equals(principal.principalId()));
        if (found.isEmpty()) {
            return new PrincipalPolicies(evaluated, List.of(), List.of());
        }
        UserRecord user = found.get();
        return new PrincipalPolicies(evaluated.withTags(tagMap(user.tags())), userPolicies(tx, account, user),
                List.of());
    }

    /** A user's own policies and its groups'. */
    static List<AttachedPolicy> userPolicies(ReadTransaction tx, AccountId account, UserRecord user) {
        List<AttachedPolicy> policies = new ArrayList<>(ownPolicies(tx, account, EntityKind.USER, user));
        for (String groupKey : user.groups()) {
            EntityKind.GROUP.find(tx, account, groupKey)
                    .ifPresent(group -> policies.addAll(ownPolicies(tx, account, EntityKind.GROUP, group)));
        }
        return policies;
    }

    private static PrincipalPolicies forRoleSession(ReadTransaction tx, Principal principal) {
        AccountId account = principal.account();
        String[] roleAndSession = principal.arn().substring(principal.arn().indexOf(":assumed-role/")
                + ":assumed-role/".length()).split("/", 2);
        String roleName = roleAndSession[0];
        String roleId = principal.principalId().substring(0, principal.principalId().indexOf(':'));
        Optional<SessionContext> session = SessionCredentialStore.context(tx, principal.accessKeyId());
        Optional<RoleRecord> role = EntityKind.ROLE.find(tx, account, roleName)
                .filter(found -> found.roleId().equals(roleId));
        String roleArn = session.map(SessionContext::issuerArn)
                .or(() -> role.map(found -> EntityKind.ROLE.arn(account, found)))
                .orElseGet(() -> EntityKind.ROLE.arn(account, "/", roleName));

        Map<String, String> tags = new LinkedHashMap<>(role.map(found -> tagMap(found.tags())).orElse(Map.of()));
        session.ifPresent(found -> tags.putAll(found.tags()));
        AwsPrincipal evaluated = AwsPrincipal.assumedRole(roleArn, roleId, roleAndSession[1]).withTags(tags);
        if (role.isEmpty()) {
            return new PrincipalPolicies(evaluated, List.of(), List.of());
        }
        List<AttachedPolicy> sessionPolicies = new ArrayList<>();
        session.ifPresent(found -> {
            found.policy().ifPresent(policy -> sessionPolicies.add(parsed("session", policy)));
            for (String policyArn : found.policyArns()) {
                managedPolicy(tx, account, policyArn).ifPresent(sessionPolicies::add);
            }
        });
        return new PrincipalPolicies(evaluated, ownPolicies(tx, account, EntityKind.ROLE, role.get()), sessionPolicies);
    }

    static <T extends PolicyHolder<T>> List<AttachedPolicy> ownPolicies(ReadTransaction tx,
            AccountId account, EntityKind<T> kind, T entity) {
        List<AttachedPolicy> policies = new ArrayList<>();
        entity.inlinePolicies().forEach((name, document) ->
                policies.add(parsed(kind.resourceType() + "/" + entity.name() + "/" + name, document)));
        for (String policyArn : entity.attachedPolicyArns()) {
            managedPolicy(tx, account, policyArn).ifPresent(policies::add);
        }
        return policies;
    }

    /** The default version of a managed policy of the account; nothing for other accounts' or unknown ARNs. */
    private static Optional<AttachedPolicy> managedPolicy(ReadTransaction tx, AccountId account, String policyArn) {
        return ManagedPolicies.find(tx, account, policyArn)
                .map(policy -> parsed(policyArn, policy.defaultVersion().document()));
    }

    private static AttachedPolicy parsed(String name, String document) {
        try {
            return new AttachedPolicy(name, PolicyDocument.parse(document));
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException("Stored policy " + name + " no longer parses: " + e.getMessage(), e);
        }
    }

    static Map<String, String> tagMap(List<TagRecord> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
