package dev.bulwark.sts.internal;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.identity.SessionContext;
import dev.bulwark.auth.policy.ConditionKeys;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.iam.AssumableRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * AssumeRole: temporary credentials for a role, if its trust policy lets the caller assume it.
 *
 * <h2>Design note</h2>
 *
 * <p>The checks run in this order: the request's members against the model; the root may not
 * assume roles; MFA codes (Bulwark has no MFA devices, so any code fails); the session policy's
 * grammar and the packed size of policy and tags; then authorization. A role that does not
 * exist and a trust policy that does not allow the caller get the same AccessDenied, so a
 * caller cannot probe for roles. Passing session tags needs {@code sts:TagSession} and setting
 * a source identity {@code sts:SetSourceIdentity}, each allowed by the trust policy, as in AWS.
 * Last, the duration: at most the role's MaxSessionDuration, and at most an hour when a role
 * session assumes another role (role chaining).
 *
 * <p>The session's principal is the role session
 * ({@code arn:aws:sts::111122223333:assumed-role/RoleName/session}, principal id
 * {@code AROA...:session}) in the role's account; the session policy, managed session policy
 * ARNs, tags and source identity are stored with the credentials, where the authorizer reads
 * them. Transitive session tags are stored but not yet passed on to chained sessions.
 */
public final class AssumeRoleOperation {
    private static final int DEFAULT_DURATION = 3600;
    private static final int ROLE_CHAINING_LIMIT = 3600;
    /** The plaintext budget of session policy and tags together, which AWS states as a percentage. */
    private static final int PACKED_POLICY_BUDGET = 2048;

    private final StsContext sts;
    private final RoleTrust trust;
    private final SessionIssuer issuer;

    public AssumeRoleOperation(StsContext sts) {
        this.sts = sts;
        this.trust = new RoleTrust(sts.policies());
        this.issuer = new SessionIssuer(sts);
    }

    public AssumeRoleResponse assumeRole(Caller caller, AssumeRoleRequest request) {
        validate(request);
        Principal principal = caller.principal();
        if (principal.type() == Principal.Type.ROOT) {
            throw CommonErrors.accessDenied("Roles may not be assumed by root accounts.");
        }
        if (request.serialNumber() != null || request.tokenCode() != null) {
            throw StsErrors.mfaFailed();
        }
        Optional<String> policy = Optional.ofNullable(request.policy());
        policy.ifPresent(AssumeRoleOperation::validateSessionPolicy);
        Map<String, String> tags = sessionTags(request.tags());
        int packedPercent = packedPercent(policy, tags);

        AssumableRole role = authorizedRole(caller, request, tags);
        Duration lifetime = Duration.ofSeconds(duration(request, role, principal));

        String sessionName = request.roleSessionName();
        String sessionArn = "arn:aws:sts::" + role.account() + ":assumed-role/" + role.roleName() + "/" + sessionName;
        String assumedRoleId = role.roleId() + ":" + sessionName;
        Instant now = sts.now();
        SessionContext session = new SessionContext(SessionContext.IssuerType.ROLE, role.arn(), role.roleId(),
                role.roleName(), principal.accessKeyId(), now, policy,
                request.policyArns().stream().map(PolicyDescriptorType::arn).toList(), tags,
                request.transitiveTagKeys(), Optional.ofNullable(request.sourceIdentity()));
        Credential credential = issuer.issue(role.account(),
                accessKeyId -> new Principal(Principal.Type.ASSUMED_ROLE, role.account(), sessionArn, assumedRoleId,
                        accessKeyId),
                lifetime, session);
        return AssumeRoleResponse.builder()
                .credentials(SessionIssuer.toSdk(credential))
                .assumedRoleUser(AssumedRoleUser.builder().assumedRoleId(assumedRoleId).arn(sessionArn).build())
                .packedPolicySize(policy.isPresent() || !tags.isEmpty() ? packedPercent : null)
                .sourceIdentity(request.sourceIdentity())
                .build();
    }

    /**
     * The role, if its trust policy lets the caller assume it, and tag the session and set its
     * source identity when the request does; AccessDenied naming the first action refused.
     */
    private AssumableRole authorizedRole(Caller caller, AssumeRoleRequest request, Map<String, String> tags) {
        Principal principal = caller.principal();
        caller.noteResource(request.roleArn());
        List<String> actions = new ArrayList<>(List.of("sts:AssumeRole"));
        if (!tags.isEmpty()) {
            actions.add("sts:TagSession");
        }
        if (request.sourceIdentity() != null) {
            actions.add("sts:SetSourceIdentity");
        }
        AssumableRole role = sts.roles().find(request.roleArn())
                .orElseThrow(() -> notAuthorized(principal, "sts:AssumeRole", request.roleArn()));
        Optional<String> denied = trust.firstDenied(caller, role, actions, requestKeys(request, tags));
        if (denied.isPresent()) {
            throw notAuthorized(principal, denied.get(), role.arn());
        }
        return role;
    }

    private static void validate(AssumeRoleRequest request) {
        Validation validation = Validation.check()
                .required("roleArn", request.roleArn())
                .string("roleArn", request.roleArn(), StsConstraints.ARN_MIN, StsConstraints.ARN_MAX, null)
                .required("roleSessionName", request.roleSessionName())
                .string("roleSessionName", request.roleSessionName(), 2, 64, StsConstraints.SESSION_NAME)
                .string("policy", request.policy(), 1, Integer.MAX_VALUE, StsConstraints.POLICY_DOCUMENT)
                .range("durationSeconds", request.durationSeconds(), 900, 43200)
                .count("transitiveTagKeys", request.transitiveTagKeys(), StsConstraints.TAGS_MAX)
                .string("externalId", request.externalId(), 2, 1224, StsConstraints.EXTERNAL_ID)
                .string("sourceIdentity", request.sourceIdentity(), 2, 64, StsConstraints.SESSION_NAME);
        for (int i = 0; i < request.policyArns().size(); i++) {
            validation.string("policyArns." + (i + 1) + ".member.arn", request.policyArns().get(i).arn(),
                    StsConstraints.ARN_MIN, StsConstraints.ARN_MAX, null);
        }
        StsConstraints.mfa(validation, request.serialNumber(), request.tokenCode());
        StsConstraints.tags(validation, request.tags()).orThrow();
    }

    private static void validateSessionPolicy(String policy) {
        try {
            PolicyDocument.parse(policy, PolicyType.IDENTITY);
        } catch (MalformedPolicyException e) {
            throw StsErrors.malformedPolicyDocument(e.getMessage());
        }
    }

    /** Session tags by key; keys may not repeat, whatever their case, as in AWS. */
    private static Map<String, String> sessionTags(List<Tag> tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw StsErrors.invalidParameterValue("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            byKey.put(tag.key(), tag.value());
        }
        return byKey;
    }

    /**
     * How much of the packed budget the session policy and tags use, as a percentage. AWS packs
     * them into a compressed binary form; this counts their plaintext (the policy without
     * whitespace), so it errs on the strict side.
     */
    private static int packedPercent(Optional<String> policy, Map<String, String> tags) {
        int size = policy.map(text -> (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count()).orElse(0);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            size += tag.getKey().length() + tag.getValue().length();
        }
        int percent = (int) Math.ceil(size * 100.0 / PACKED_POLICY_BUDGET);
        if (percent > 100) {
            throw StsErrors.packedPolicyTooLarge(percent);
        }
        return percent;
    }

    /** The condition keys AssumeRole sets: sts:ExternalId, sts:RoleSessionName, the session tags, ... */
    private static Map<String, List<String>> requestKeys(AssumeRoleRequest request, Map<String, String> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("sts:RoleSessionName", List.of(request.roleSessionName()));
        if (request.externalId() != null) {
            keys.put("sts:ExternalId", List.of(request.externalId()));
        }
        if (request.sourceIdentity() != null) {
            keys.put("sts:SourceIdentity", List.of(request.sourceIdentity()));
        }
        if (!tags.isEmpty()) {
            tags.forEach((key, value) -> keys.put(ConditionKeys.REQUEST_TAG_PREFIX + key, List.of(value)));
            keys.put(ConditionKeys.TAG_KEYS, List.copyOf(tags.keySet()));
        }
        if (!request.transitiveTagKeys().isEmpty()) {
            keys.put("sts:TransitiveTagKeys", request.transitiveTagKeys());
        }
        return keys;
    }

    private static int duration(AssumeRoleRequest request, AssumableRole role, Principal principal) {
        int requested = Optional.ofNullable(request.durationSeconds()).orElse(DEFAULT_DURATION);
        if (principal.type() == Principal.Type.ASSUMED_ROLE && requested > ROLE_CHAINING_LIMIT) {
            throw StsErrors.validation(
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (requested > role.maxSessionDuration()) {
            throw StsErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        return requested;
    }

    /** AWS's message, the same whether the role is missing or its trust policy does not allow the caller. */
    private static AwsException notAuthorized(Principal principal, String action, String roleArn) {
        return CommonErrors.accessDenied("User: " + principal.arn() + " is not authorized to perform: " + action
                + " on resource: " + roleArn);
    }
}
