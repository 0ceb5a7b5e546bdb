package dev.bulwark.auth.policy;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question for the {@link PolicyEvaluator}: may this principal perform this action on this
 * resource, in this request context, under these policies?
 *
 * <ul>
 *   <li>{@code identityPolicies}: every identity-based policy of the principal (the user's and its
 *       groups' inline and managed policies, or the role's). None for the account root, which
 *       needs none, and for services and identity providers, which have none.
 *   <li>{@code resourcePolicy}: the resource's policy, if it has one (see {@link ResourcePolicy}
 *       for the KMS key policy case).
 *   <li>{@code sessionPolicies}: the policies passed when the session was created; they limit the
 *       identity-based permissions and each other's union. None outside sessions.
 *   <li>{@code resourceAccount}: the account that owns the resource; by default the account in
 *       the resource's ARN, or the principal's own when the ARN has none (S3 buckets, {@code *}).
 * </ul>
 * The principal's own condition keys ({@code aws:PrincipalArn}, {@code aws:userid},
 * {@code aws:PrincipalTag/...}) are derived from the principal and take precedence over keys of
 * the same name in the context; the context supplies the rest ({@code aws:SourceIp},
 * {@code aws:CurrentTime}, service keys).
 */
public final class EvaluationRequest {
    private final RequestPrincipal principal;
    private final String action;
    private final String resource;
    private final RequestContext context;
    private final List<AttachedPolicy> identityPolicies;
    private final ResourcePolicy resourcePolicy;
    private final List<AttachedPolicy> sessionPolicies;
    private final AccountId resourceAccount;

    private EvaluationRequest(Builder builder) {
        this.principal = Objects.requireNonNull(builder.principal, "principal");
        this.action = requireText(builder.action, "action");
        this.resource = requireText(builder.resource, "resource");
        this.context = builder.context;
        this.identityPolicies = List.copyOf(builder.identityPolicies);
        this.resourcePolicy = builder.resourcePolicy;
        this.sessionPolicies = List.copyOf(builder.sessionPolicies);
        this.resourceAccount = builder.resourceAccount != null ? builder.resourceAccount
                : Arn.parse(resource).map(Arn::account).filter(AccountId::isValid).map(AccountId::of).orElse(null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public RequestPrincipal principal() {
        return principal;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /** The context as the caller gave it, without the principal's keys. */
    public RequestContext context() {
        return context;
    }

    public List<AttachedPolicy> identityPolicies() {
        return identityPolicies;
    }

    public Optional<ResourcePolicy> resourcePolicy() {
        return Optional.ofNullable(resourcePolicy);
    }

    public List<AttachedPolicy> sessionPolicies() {
        return sessionPolicies;
    }

    /** The resource's account, if it is known from the request or the resource's ARN. */
    public Optional<AccountId> resourceAccount() {
        return Optional.ofNullable(resourceAccount);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("An evaluation request needs a " + what);
        }
        return value;
    }

    public static final class Builder {
        private RequestPrincipal principal;
        private String action;
        private String resource;
        private RequestContext context = RequestContext.empty();
        private List<AttachedPolicy> identityPolicies = List.of();
        private ResourcePolicy resourcePolicy;
        private List<AttachedPolicy> sessionPolicies = List.of();
        private AccountId resourceAccount;

        private Builder() {
        }

        public Builder principal(RequestPrincipal principal) {
            this.principal = principal;
            return this;
        }

        /** The IAM action, {@code kms:Decrypt}. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** The resource's ARN, or {@code *} for actions that act on no particular resource. */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder context(RequestContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        public Builder identityPolicies(List<AttachedPolicy> policies) {
            this.identityPolicies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        public Builder resourcePolicy(ResourcePolicy policy) {
            this.resourcePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder sessionPolicies(List<AttachedPolicy> policies) {
            this.sessionPolicies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        public Builder resourceAccount(AccountId account) {
            this.resourceAccount = Objects.requireNonNull(account, "account");
            return this;
        }

        public EvaluationRequest build() {
            return new EvaluationRequest(this);
        }
    }
}
