package dev.bulwark.kms.internal;

import dev.bulwark.auth.PolicyAuthorizer;
import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.EvaluationRequest;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyEvaluator;
import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.auth.policy.ResourcePolicy;
import dev.bulwark.core.Arn;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks a key policy passes before KMS stores it, for CreateKey and PutKeyPolicy alike, in
 * this order:
 * <ol>
 *   <li>At most {@value #MAX_POLICY_BYTES} bytes of UTF-8 (AWS's key policy quota):
 *       LimitExceededException.</li>
 *   <li>The grammar of a resource policy, by the policy engine that will evaluate it
 *       ({@link PolicyDocument#parse(String, PolicyType)} with {@link PolicyType#RESOURCE}):
 *       MalformedPolicyDocumentException with the engine's (IAM's) message. A policy the engine
 *       cannot read would deny every call on the key, so none is stored.</li>
 *   <li>Unless BypassPolicyLockoutSafetyCheck, the lockout safety check: the new policy must let
 *       the caller call PutKeyPolicy on the key afterwards, else MalformedPolicyDocumentException
 *       {@code The new key policy will not allow you to update the key policy in the future.}</li>
 * </ol>
 *
 * <h2>What the lockout check evaluates</h2>
 * The policy engine decides {@code kms:PutKeyPolicy} on the key's ARN for the caller, in the
 * request's context, with the new policy as the key policy that must allow. KMS cannot see the
 * caller's IAM policies (they live in the IAM service), so the check is the key-policy side of the
 * decision: the caller's identity policies are taken to allow PutKeyPolicy. The policy passes when
 * it allows the caller by name (user, role, session) or names the caller's account (which
 * delegates to IAM), and no statement denies the caller; it fails when it names neither or when a
 * Deny applies. A role session is evaluated as its role without the role's path, which a session
 * ARN does not carry; a policy naming the role by an ARN with a path therefore fails the check
 * unless it also names the account.
 */
public final class KeyPolicyValidator {
    /** The model's constraints on a Policy member (CreateKey, PutKeyPolicy). */
    public static final int MAX_POLICY_LENGTH = 131_072;
    public static final Pattern POLICY_CHARACTERS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    public static final int MAX_POLICY_BYTES = 32_768;
    private static final String PUT_KEY_POLICY = "kms:PutKeyPolicy";
    private static final AttachedPolicy IDENTITY_SIDE_ALLOWS = new AttachedPolicy("assumed identity policy",
            PolicyDocument.parse("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:PutKeyPolicy","Resource":"*"}]}""",
                    PolicyType.IDENTITY));
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private KeyPolicyValidator() {
    }

    /**
     * Checks a key policy about to be stored for the key {@code keyArn}.
     *
     * @param conditions the condition keys of the call, as the lockout check's context
     * @return the policy, unchanged
     */
    public static String validate(Caller caller, String keyArn, String policy, boolean bypassLockoutCheck,
            KmsConditions conditions) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw KmsErrors.limitExceeded("The key policy exceeds the quota of " + MAX_POLICY_BYTES + " bytes.");
        }
        PolicyDocument document;
        try {
            document = PolicyDocument.parse(policy, PolicyType.RESOURCE);
        } catch (MalformedPolicyException malformed) {
            throw KmsErrors.malformedPolicy(malformed.getMessage());
        }
        if (!bypassLockoutCheck && !allowsFuturePutKeyPolicy(caller, keyArn, document, conditions)) {
            throw KmsErrors.malformedPolicy("The new key policy will not allow you to update the key policy in the future.");
        }
        return policy;
    }

    private static boolean allowsFuturePutKeyPolicy(Caller caller, String keyArn, PolicyDocument document,
            KmsConditions conditions) {
        return EVALUATOR.evaluate(EvaluationRequest.builder()
                .principal(evaluated(caller.principal()))
                .action(PUT_KEY_POLICY)
                .resource(keyArn)
                .context(PolicyAuthorizer.requestContext(caller, conditions.toMap()))
                .identityPolicies(List.of(IDENTITY_SIDE_ALLOWS))
                .resourcePolicy(ResourcePolicy.mustAllow(new AttachedPolicy("default", document)))
                .build())
                .allowed();
    }

    /** The caller as the policy engine names it. */
    private static AwsPrincipal evaluated(Principal principal) {
        return switch (principal.type()) {
            case ROOT -> AwsPrincipal.root(principal.account());
            case IAM_USER -> AwsPrincipal.user(principal.arn(), principal.principalId());
            case ASSUMED_ROLE -> {
                // arn:aws:sts::111122223333:assumed-role/Role/session; the principal id is roleId:session
                String[] roleAndSession = resource(principal).substring("assumed-role/".length()).split("/", 2);
                String roleArn = "arn:aws:iam::" + principal.account().value() + ":role/" + roleAndSession[0];
                String roleId = principal.principalId().split(":", 2)[0];
                yield AwsPrincipal.assumedRole(roleArn, roleId, roleAndSession[1]);
            }
            case FEDERATED_USER -> AwsPrincipal.federatedUser(principal.account(),
                    resource(principal).substring("federated-user/".length()));
        };
    }

    private static String resource(Principal principal) {
        return Arn.parse(principal.arn())
                .orElseThrow(() -> new IllegalArgumentException("Not a principal ARN: " + principal.arn()))
                .resource();
    }
}
