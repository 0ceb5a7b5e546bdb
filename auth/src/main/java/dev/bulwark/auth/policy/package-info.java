/**
 * AWS's IAM policy language and its evaluation logic: one engine for identity-based policies,
 * resource-based policies (KMS key policies, Secrets Manager resource policies, role trust
 * policies) and session policies.
 *
 * <h2>Design note</h2>
 *
 * <p><b>Parsing.</b> {@link dev.bulwark.auth.policy.PolicyDocument#parse(String,
 * dev.bulwark.auth.policy.PolicyType)} reads a document, validates it in IAM's order and with
 * IAM's messages (a {@link dev.bulwark.auth.policy.MalformedPolicyException}; each service wraps
 * the message in its own error code), and compiles it: action and resource patterns, condition
 * operators and their values, policy variables. The result is immutable; parse a policy once
 * and evaluate it many times. Where IAM's answer to a fault is known (moto's IAM tests record
 * dozens, checked against AWS), Bulwark gives the same message: an unknown element, a missing
 * Effect or a Version other than the two is "Syntax errors in policy."; a wrongly cased Effect,
 * an unreadable date or a misplaced empty ARN part is "The policy failed legacy parsing".
 * Duplicate JSON keys are a syntax error too, so that no two readers can see different policies.
 *
 * <p><b>Matching.</b> Actions match case-insensitively with {@code *} and {@code ?}. Resources
 * and the {@code Arn*} operators match ARNs part by part, case-sensitively; a pattern with fewer
 * than six parts whose last part ends in {@code *} matches across the remaining colons, as AWS
 * documents. Policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'x'}},
 * {@code ${*}}) are substituted in Resource entries and string and ARN condition values of
 * Version 2012-10-17 documents only; a substituted value is literal text, never a wildcard, and
 * a variable without a value matches nothing.
 *
 * <p><b>Conditions.</b> See {@link dev.bulwark.auth.policy.Condition} for the exact semantics
 * implemented: values of one key ORed (NOR for negated operators), keys and operators ANDed,
 * an absent key false for positive operators and true for negated ones, {@code IfExists} true
 * when absent, {@code ForAllValues} true and {@code ForAnyValue} false when absent, key names
 * case-insensitive. A value an operator cannot read (a malformed CIDR, a number that is not
 * one) matches nothing, so a typo in a Deny's negated condition still denies.
 *
 * <p><b>Evaluation</b> ({@link dev.bulwark.auth.policy.PolicyEvaluator}), in this order:
 * <ol>
 *   <li>Derive the principal's condition keys ({@code aws:PrincipalArn},
 *       {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:userid},
 *       {@code aws:username}, {@code aws:PrincipalTag/*}); they override the caller's context.
 *   <li>Find the applicable statements of every policy. Any applicable Deny is an explicit deny.
 *   <li>Identity side: an identity-based allow (the account root needs none), intersected with
 *       the session policies when there are any.
 *   <li>Resource side: how the resource policy's allow names the principal: the session itself
 *       (not limited by session policies), the principal (limited by them), or only its account
 *       (a delegation to the account's identity-based policies).
 *   <li>Same account: either side suffices; across accounts both must allow. A resource policy
 *       that must allow ({@link dev.bulwark.auth.policy.ResourcePolicy#mustAllow}) is required
 *       even within the account, and its root statement delegates to IAM.
 *   <li>Otherwise an implicit deny, whose reason names the side that did not allow, in AWS's
 *       words ("because no identity-based policy allows the kms:Decrypt action").
 * </ol>
 *
 * <p><b>How KMS uses it.</b> KMS evaluates every request with the key policy as
 * {@code ResourcePolicy.mustAllow(keyPolicy)}, the caller's identity-based policies and the key's
 * account. The default key policy's statement naming {@code arn:aws:iam::ACCOUNT:root} enables
 * IAM policies: users of the account are then allowed by their identity-based policies, and the
 * root by that statement itself. A key policy without it denies everyone it does not name, the
 * root included, exactly as in AWS. Role trust policies are evaluated the same way, with
 * {@code sts:AssumeRole} on the role's ARN. Secrets Manager passes its resource policy as
 * {@code ResourcePolicy.of(policy)}. KMS decides which of a key's grants apply itself and passes
 * the outcome ({@code ResourceAccess.withGrant(...)}): the {@code PolicyAuthorizer} turns an
 * implicit deny into an allow when a grant applies, never an explicit deny.
 *
 * <h2>What differs from AWS</h2>
 * <ul>
 *   <li>Not evaluated yet: service control and resource control policies, permission
 *       boundaries, VPC endpoint policies. They slot into the same order (a deny in
 *       any of them is an explicit deny; SCPs and boundaries bound the identity side).
 *   <li>An Allow with NotPrincipal exempts a principal named by any of its names (AWS's exact
 *       reading is undocumented); a Deny with NotPrincipal exempts only a principal listed by all
 *       of its names, as AWS documents.
 *   <li>Principal elements name principals by ARN, not by the unique ids IAM substitutes when a
 *       named principal is deleted; {@code CanonicalUser} principals name no one.
 *   <li>Validation does not check that named principals exist (IAM's trust policy check),
 *       IAM's resource path rules, or per-service resource ARN formats.
 *   <li>A resource policy allowing {@code "*"} is limited by session policies like one naming
 *       the role; AWS does not document this case.
 * </ul>
 */
package dev.bulwark.auth.policy;
