package dev.bulwark.iam.internal;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.auth.policy.RequestContext;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.ReadTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * SimulatePrincipalPolicy and SimulateCustomPolicy: the policy simulator, answered by the same
 * {@link dev.bulwark.auth.policy.PolicyEvaluator} that authorizes every request, so a simulation
 * and the real call cannot disagree about the policies they are given.
 *
 * <p>This class gathers the simulation's inputs (which principal, which policies, which
 * context) and checks them as IAM does; {@link Simulation} evaluates each action on each
 * resource. SimulatePrincipalPolicy takes the stored policies of a user (with its groups'), a
 * group or a role, plus any policies in {@code PolicyInputList}; SimulateCustomPolicy only the
 * given ones.
 *
 * <p>The simulated principal is {@code CallerArn}'s user when given; else the user of
 * {@code PolicySourceArn}; for a role, a session of the role; for a group or a custom policy
 * without {@code CallerArn}, a stand-in user of the account named {@code (simulated-caller)}
 * (a name no IAM user can have) so that no real identity is impersonated. As in AWS,
 * {@code CallerArn} is required with a {@code ResourcePolicy} unless the source is a user.
 */
public final class SimulationOperations {
    static final String STAND_IN_USER = "(simulated-caller)";
    private static final int POLICY_INPUT_LIMIT = 131072;

    private final IamContext iam;

    public SimulationOperations(IamContext iam) {
        this.iam = iam;
    }

    public SimulatePrincipalPolicyResponse simulatePrincipalPolicy(Caller caller, SimulatePrincipalPolicyRequest r) {
        String sourceArn = r.policySourceArn();
        if (sourceArn == null || sourceArn.isEmpty()) {
            throw IamErrors.validation("1 validation error detected: Value null at 'policySourceArn' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        caller.authorize("iam:SimulatePrincipalPolicy", sourceArn);
        AccountId account = caller.account();
        Subject subject = iam.store().read(tx -> subjectOf(tx, account, sourceArn, r.callerArn(),
                r.resourcePolicy() != null));
        List<AttachedPolicy> policies = new ArrayList<>(subject.policies());
        policies.addAll(inputPolicies(r.policyInputList(), "PolicyInputList"));
        Simulation.Result result = simulation(account, subject.principal(), policies, r.permissionsBoundaryPolicyInputList(),
                r.actionNames(), r.resourceArns(), r.resourcePolicy(), r.resourceOwner(), r.contextEntries())
                .run(r.marker(), r.maxItems());
        return SimulatePrincipalPolicyResponse.builder().evaluationResults(result.results())
                .isTruncated(result.truncated()).marker(result.marker().orElse(null)).build();
    }

    public SimulateCustomPolicyResponse simulateCustomPolicy(Caller caller, SimulateCustomPolicyRequest r) {
        if (!r.hasPolicyInputList()) {
            throw IamErrors.validation("1 validation error detected: Value null at 'policyInputList' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        caller.authorize("iam:SimulateCustomPolicy", "*");
        AccountId account = caller.account();
        if (r.resourcePolicy() != null && r.callerArn() == null) {
            throw IamErrors.invalidInput("CallerArn must be provided when a ResourcePolicy is specified.");
        }
        AwsPrincipal principal = r.callerArn() == null ? standIn(account)
                : iam.store().read(tx -> callerUser(tx, account, r.callerArn()));
        List<AttachedPolicy> policies = inputPolicies(r.policyInputList(), "PolicyInputList");
        Simulation.Result result = simulation(account, principal, policies, r.permissionsBoundaryPolicyInputList(),
                r.actionNames(), r.resourceArns(), r.resourcePolicy(), r.resourceOwner(), r.contextEntries())
                .run(r.marker(), r.maxItems());
        return SimulateCustomPolicyResponse.builder().evaluationResults(result.results())
                .isTruncated(result.truncated()).marker(result.marker().orElse(null)).build();
    }

    private Simulation simulation(AccountId account, AwsPrincipal principal, List<AttachedPolicy> policies,
            List<String> boundaries, List<String> actions, List<String> resources, String resourcePolicy,
            String resourceOwner, List<ContextEntry> contextEntries) {
        if (actions == null || actions.isEmpty()) {
            throw IamErrors.validation("1 validation error detected: Value null at 'actionNames' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        for (String action : actions) {
            if (!action.matches("[A-Za-z0-9-]+:[A-Za-z0-9*?]+")) {
                throw IamErrors.invalidInput("Invalid action name: " + action);
            }
        }
        Optional<AttachedPolicy> resourceSide = resourcePolicy == null ? Optional.empty()
                : Optional.of(parse("ResourcePolicy", resourcePolicy, PolicyType.RESOURCE));
        return new Simulation(principal, policies, inputPolicies(boundaries, "PermissionsBoundaryPolicyInputList"),
                actions, resources == null || resources.isEmpty() ? List.of("*") : resources, resourceSide,
                resourceOwner == null ? Optional.empty() : Optional.of(ownerAccount(resourceOwner)),
                context(contextEntries), iam.now());
    }

    /** The principal and stored policies of {@code PolicySourceArn}. */
    private record Subject(AwsPrincipal principal, List<AttachedPolicy> policies) {
    }

    private static Subject subjectOf(ReadTransaction tx, AccountId account, String sourceArn, String callerArn,
            boolean withResourcePolicy) {
        Arn arn = Arn.parse(sourceArn).filter(parsed -> parsed.service().equals("iam")
                        && parsed.account().equals(account.value()))
                .orElseThrow(() -> IamErrors.invalidInput("Invalid ARN for PolicySourceArn: " + sourceArn));
        String resource = arn.resource();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.startsWith("user/")) {
            UserRecord user = EntityKind.USER.require(tx, account, name);
            AwsPrincipal principal = callerArn == null
                    ? AwsPrincipal.user(EntityKind.USER.arn(account, user), user.userId())
                            .withTags(StoredIdentityPolicies.tagMap(user.tags()))
                    : callerUser(tx, account, callerArn);
            return new Subject(principal, StoredIdentityPolicies.userPolicies(tx, account, user));
        }
        if (withResourcePolicy && callerArn == null) {
            throw IamErrors.invalidInput("CallerArn must be provided when a ResourcePolicy is specified and "
                    + "PolicySourceArn is not a user.");
        }
        if (resource.startsWith("group/")) {
            GroupRecord group = EntityKind.GROUP.require(tx, account, name);
            AwsPrincipal principal = callerArn == null ? standIn(account) : callerUser(tx, account, callerArn);
            return new Subject(principal, StoredIdentityPolicies.ownPolicies(tx, account, EntityKind.GROUP, group));
        }
        if (resource.startsWith("role/")) {
            RoleRecord role = EntityKind.ROLE.require(tx, account, name);
            AwsPrincipal principal = callerArn == null
                    ? AwsPrincipal.assumedRole(EntityKind.ROLE.arn(account, role), role.roleId(), "simulation")
                            .withTags(StoredIdentityPolicies.tagMap(role.tags()))
                    : callerUser(tx, account, callerArn);
            return new Subject(principal, StoredIdentityPolicies.ownPolicies(tx, account, EntityKind.ROLE, role));
        }
        throw IamErrors.invalidInput("Invalid ARN for PolicySourceArn: " + sourceArn
                + ". It must be the ARN of a user, group or role.");
    }

    /** {@code CallerArn}: a user of the account, evaluated with its unique id and tags. */
    private static AwsPrincipal callerUser(ReadTransaction tx, AccountId account, String callerArn) {
        Arn arn = Arn.parse(callerArn).filter(parsed -> parsed.service().equals("iam")
                        && parsed.account().equals(account.value()) && parsed.resource().startsWith("user/"))
                .orElseThrow(() -> IamErrors.invalidInput("Invalid CallerArn: " + callerArn
                        + ". It must be the ARN of an IAM user."));
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        UserRecord user = EntityKind.USER.require(tx, account, name);
        return AwsPrincipal.user(EntityKind.USER.arn(account, user), user.userId())
                .withTags(StoredIdentityPolicies.tagMap(user.tags()));
    }

    private static AwsPrincipal standIn(AccountId account) {
        return AwsPrincipal.user(EntityKind.USER.arn(account, "/", STAND_IN_USER), "AIDA" + account);
    }

    /** Policies given in the request, named as AWS names them in MatchedStatements: {@code PolicyInputList.1}. */
    private static List<AttachedPolicy> inputPolicies(List<String> documents, String member) {
        if (documents == null) {
            return List.of();
        }
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            policies.add(parse(member + "." + (i + 1), documents.get(i), PolicyType.IDENTITY));
        }
        return policies;
    }

    private static AttachedPolicy parse(String name, String document, PolicyType type) {
        if (document.length() > POLICY_INPUT_LIMIT) {
            throw IamErrors.invalidInput(name + " is longer than " + POLICY_INPUT_LIMIT + " characters.");
        }
        try {
            return new AttachedPolicy(name, PolicyDocument.parse(document, type));
        } catch (MalformedPolicyException e) {
            throw IamErrors.malformedPolicyDocument(e.getMessage());
        }
    }

    /** {@code ResourceOwner}: an account's root ARN, {@code arn:aws:iam::111122223333:root}, or an IAM ARN of the account. */
    private static AccountId ownerAccount(String resourceOwner) {
        return Arn.parse(resourceOwner).map(Arn::account).filter(AccountId::isValid).map(AccountId::of)
                .orElseThrow(() -> IamErrors.invalidInput("Invalid ResourceOwner: " + resourceOwner));
    }

    /**
     * {@code ContextEntries} as condition keys. Every value is a string to the engine, as in
     * AWS; typed values are checked against their type so that a typo is an error, not a
     * silent mismatch.
     */
    private static RequestContext context(List<ContextEntry> entries) {
        RequestContext.Builder context = RequestContext.builder();
        if (entries == null) {
            return context.build();
        }
        for (ContextEntry entry : entries) {
            if (entry.contextKeyName() == null || entry.contextKeyName().isEmpty()) {
                throw IamErrors.invalidInput("ContextKeyName is required in every ContextEntry.");
            }
            List<String> values = entry.hasContextKeyValues() ? entry.contextKeyValues() : List.of();
            ContextValues.check(entry.contextKeyName(), entry.contextKeyTypeAsString(), values);
            try {
                context.put(entry.contextKeyName(), values);
            } catch (IllegalArgumentException e) {
                throw IamErrors.invalidInput("The context key " + entry.contextKeyName() + " is given more than once.");
            }
        }
        return context.build();
    }
}
