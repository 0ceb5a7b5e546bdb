package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;

/**
 * Managed policies attached to users, groups and roles: Attach, Detach and ListAttached, nine
 * operations written once over {@link EntityKind}. An entity may have ten policies attached;
 * attaching one twice changes nothing. The policy's attachment count changes in the same
 * transaction as the entity, so DeletePolicy can refuse an attached policy reliably. The action
 * is authorized with {@code iam:PolicyARN}, the condition key AWS sets for it.
 */
public final class PolicyAttachmentOperations {
    private final IamContext iam;

    public PolicyAttachmentOperations(IamContext iam) {
        this.iam = iam;
    }

    public AttachUserPolicyResponse attachUserPolicy(Caller caller, AttachUserPolicyRequest r) {
        attach(caller, EntityKind.USER, r.userName(), r.policyArn(), "iam:AttachUserPolicy");
        return AttachUserPolicyResponse.builder().build();
    }

    public DetachUserPolicyResponse detachUserPolicy(Caller caller, DetachUserPolicyRequest r) {
        detach(caller, EntityKind.USER, r.userName(), r.policyArn(), "iam:DetachUserPolicy");
        return DetachUserPolicyResponse.builder().build();
    }

    public ListAttachedUserPoliciesResponse listAttachedUserPolicies(Caller caller, ListAttachedUserPoliciesRequest r) {
        Paging.Result<AttachedPolicy> page = list(caller, EntityKind.USER, r.userName(), r.pathPrefix(), r.marker(),
                r.maxItems(), "iam:ListAttachedUserPolicies");
        return ListAttachedUserPoliciesResponse.builder()
                .attachedPolicies(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    public AttachGroupPolicyResponse attachGroupPolicy(Caller caller, AttachGroupPolicyRequest r) {
        attach(caller, EntityKind.GROUP, r.groupName(), r.policyArn(), "iam:AttachGroupPolicy");
        return AttachGroupPolicyResponse.builder().build();
    }

    public DetachGroupPolicyResponse detachGroupPolicy(Caller caller, DetachGroupPolicyRequest r) {
        detach(caller, EntityKind.GROUP, r.groupName(), r.policyArn(), "iam:DetachGroupPolicy");
        return DetachGroupPolicyResponse.builder().build();
    }

    public ListAttachedGroupPoliciesResponse listAttachedGroupPolicies(Caller caller,
            ListAttachedGroupPoliciesRequest r) {
        Paging.Result<AttachedPolicy> page = list(caller, EntityKind.GROUP, r.groupName(), r.pathPrefix(), r.marker(),
                r.maxItems(), "iam:ListAttachedGroupPolicies");
        return ListAttachedGroupPoliciesResponse.builder()
                .attachedPolicies(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    public AttachRolePolicyResponse attachRolePolicy(Caller caller, AttachRolePolicyRequest r) {
        attach(caller, EntityKind.ROLE, r.roleName(), r.policyArn(), "iam:AttachRolePolicy");
        return AttachRolePolicyResponse.builder().build();
    }

    public DetachRolePolicyResponse detachRolePolicy(Caller caller, DetachRolePolicyRequest r) {
        detach(caller, EntityKind.ROLE, r.roleName(), r.policyArn(), "iam:DetachRolePolicy");
        return DetachRolePolicyResponse.builder().build();
    }

    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(Caller caller, ListAttachedRolePoliciesRequest r) {
        Paging.Result<AttachedPolicy> page = list(caller, EntityKind.ROLE, r.roleName(), r.pathPrefix(), r.marker(),
                r.maxItems(), "iam:ListAttachedRolePolicies");
        return ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    private <T extends PolicyHolder<T>> void attach(Caller caller, EntityKind<T> kind, String entityName,
            String policyArn, String action) {
        kind.existingName(Validation.check(), entityName).orThrow();
        ManagedPolicyOperations.validatePolicyArn(policyArn);
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)),
                Map.of("iam:PolicyARN", List.of(policyArn)));
        iam.store().write(tx -> {
            T entity = kind.require(tx, account, entityName);
            ManagedPolicyRecord policy = ManagedPolicies.requireAttachable(tx, account, policyArn);
            if (entity.attachedPolicyArns().contains(policyArn)) {
                return null;
            }
            if (entity.attachedPolicyArns().size() >= EntityKind.ATTACHED_POLICIES_LIMIT) {
                throw IamErrors.quota(kind.attachedPoliciesQuota(), EntityKind.ATTACHED_POLICIES_LIMIT);
            }
            List<String> attached = new ArrayList<>(entity.attachedPolicyArns());
            attached.add(policyArn);
            kind.put(tx, account, entity.withAttachedPolicyArns(attached));
            ManagedPolicies.put(tx, account, policy.withAttachments(1));
            return null;
        });
    }

    private <T extends PolicyHolder<T>> void detach(Caller caller, EntityKind<T> kind, String entityName,
            String policyArn, String action) {
        kind.existingName(Validation.check(), entityName).orThrow();
        ManagedPolicyOperations.validatePolicyArn(policyArn);
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)),
                Map.of("iam:PolicyARN", List.of(policyArn)));
        iam.store().write(tx -> {
            T entity = kind.require(tx, account, entityName);
            if (!entity.attachedPolicyArns().contains(policyArn)) {
                throw ManagedPolicies.notFound(policyArn);
            }
            kind.put(tx, account, entity.withAttachedPolicyArns(
                    entity.attachedPolicyArns().stream().filter(arn -> !arn.equals(policyArn)).toList()));
            ManagedPolicies.find(tx, account, policyArn)
                    .ifPresent(policy -> ManagedPolicies.put(tx, account, policy.withAttachments(-1)));
            return null;
        });
    }

    private <T extends PolicyHolder<T>> Paging.Result<AttachedPolicy> list(Caller caller, EntityKind<T> kind,
            String entityName, String pathPrefix, String marker, Integer maxItems, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName)
                .string("pathPrefix", pathPrefix, 1, Constraints.PATH_MAX, Constraints.POLICY_PATH);
        Constraints.paging(validation, marker, maxItems).orThrow();
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)));
        String prefix = Optional.ofNullable(pathPrefix).orElse("/");
        List<AttachedPolicy> attached = iam.store().read(tx -> kind.require(tx, account, entityName))
                .attachedPolicyArns().stream()
                .filter(arn -> policyPath(arn).startsWith(prefix))
                .map(arn -> AttachedPolicy.builder().policyName(Entities.nameInArn(arn)).policyArn(arn).build())
                .sorted(Comparator.comparing(AttachedPolicy::policyName))
                .toList();
        return Paging.of(marker, maxItems).page(attached, AttachedPolicy::policyName);
    }

    /** The path of a policy ARN: {@code arn:aws:iam::1:policy/team/Readers} has {@code /team/}. */
    private static String policyPath(String policyArn) {
        String resource = policyArn.substring(policyArn.indexOf(":policy/") + ":policy".length());
        return resource.substring(0, resource.lastIndexOf('/') + 1);
    }
}
