package dev.bulwark.kms.internal.grants;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.GrantRecord;
import dev.bulwark.kms.internal.GrantTokens;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyGrants;
import dev.bulwark.kms.internal.KeyResolver;
import dev.bulwark.kms.internal.KeyResolver.Accepts;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsRecords.Listing;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.store.WriteTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantOperation;

/**
 * CreateGrant.
 *
 * <p>In AWS's order: the model's constraints; the grant tokens; the principals, which must be
 * ARNs of AWS principals or service principals; the key (key id or key ARN, of any account),
 * authorized for {@code kms:CreateGrant} with the grant condition keys
 * ({@code kms:GrantOperations}, {@code kms:GranteePrincipal}, {@code kms:RetiringPrincipal},
 * {@code kms:GrantConstraintType}, {@code kms:GrantIsForAWSResource}); the key must be enabled;
 * the operations must suit the key's type and an encryption context constraint is only for
 * symmetric encryption keys; the quotas (50,000 grants per key, 500 per grantee and key).
 *
 * <p>A caller allowed CreateGrant by a grant rather than a policy may only create grants within
 * that grant: no operation it lacks, a constraint at least as strict ({@link #fitsWithin}).
 *
 * <p>A Name makes the call idempotent: a grant of the key with the same name and the same
 * parameters is returned instead of a new one (with a new token, as AWS does). A name used with
 * other parameters makes another grant; names are not unique.
 */
public final class GrantCreation {
    static final Pattern PRINCIPAL_ID = Pattern.compile("^[\\w+=,.@:/-]+$");
    private static final Pattern GRANT_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    /** AWS principals by ARN, and AWS service principals ({@code rds.amazonaws.com}). */
    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(root|user/.+|role/.+)"
            + "|arn:aws[a-z-]*:sts::\\d{12}:(assumed-role/[^/]+/[^/]+|federated-user/.+)"
            + "|[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");
    private static final int MAX_CONSTRAINT_PAIRS = 8;
    private static final int MAX_CONSTRAINT_VALUE = 384;
    private static final int MAX_GRANTS_PER_KEY = 50_000;
    private static final int MAX_GRANTS_PER_GRANTEE = 500;
    private static final int PAGE_SIZE = 500;

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyResolver resolver;
    private final KeyAccess access;
    private final Clock clock;
    private final SecureRandom random;

    public GrantCreation(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.resolver = core.resolver();
        this.access = core.access();
        this.clock = core.clock();
        this.random = core.random();
    }

    /** What the request asks for, checked against the model and ready to compare with stored grants. */
    private record Requested(String granteePrincipal, String retiringPrincipal, List<String> operations,
            Map<String, String> equals, Map<String, String> subset, String name) {

        boolean sameAs(GrantRecord grant) {
            return granteePrincipal.equals(grant.granteePrincipal())
                    && Objects.equals(retiringPrincipal, grant.retiringPrincipal())
                    && Set.copyOf(operations).equals(Set.copyOf(grant.operations()))
                    && Objects.equals(equals, grant.encryptionContextEquals())
                    && Objects.equals(subset, grant.encryptionContextSubset());
        }
    }

    public CreateGrantResponse createGrant(Caller caller, CreateGrantRequest request) {
        List<String> operations = request.hasOperations() ? request.operationsAsStrings() : null;
        List<String> grantTokens = request.hasGrantTokens() ? request.grantTokens() : null;
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .requiredText("granteePrincipal", request.granteePrincipal(), 1, 256)
                .pattern("granteePrincipal", request.granteePrincipal(), PRINCIPAL_ID)
                .length("retiringPrincipal", request.retiringPrincipal(), 1, 256)
                .pattern("retiringPrincipal", request.retiringPrincipal(), PRINCIPAL_ID)
                .required("operations", operations)
                .eachOneOf("operations", operations, GrantOperations.NAMES)
                .count("grantTokens", grantTokens, 0, GrantTokens.MAX_TOKENS)
                .eachLength("grantTokens", grantTokens, 1, 8192)
                .length("name", request.name(), 1, 256)
                .pattern("name", request.name(), GRANT_NAME)
                .orThrow();
        GrantTokens.check(grantTokens);
        Requested requested = requested(request, operations);

        Created created = transactions.write(tx -> {
            KmsKey key = resolver.resolve(tx, caller, request.keyId(), Accepts.KEYS, "kms:CreateGrant").key();
            access.authorize(tx, caller, "kms:CreateGrant", key, conditions(caller, key, requested),
                    parent -> fitsWithin(requested, parent));
            key.requireEnabled();
            checkForKey(key, requested);
            Optional<GrantRecord> existing = existingOrWithinQuota(tx, key, requested);
            if (Boolean.TRUE.equals(request.dryRun())) {
                throw KmsErrors.dryRun();
            }
            GrantRecord grant = existing.orElseGet(() -> newGrant(caller, key, requested));
            if (existing.isEmpty()) {
                records.putGrant(tx, key.scope(), grant);
            }
            return new Created(key, grant);
        });
        return CreateGrantResponse.builder()
                .grantId(created.grant().grantId())
                .grantToken(GrantTokens.issue(created.key().scope(), created.key().keyId(), created.grant().grantId(), random))
                .build();
    }

    private record Created(KmsKey key, GrantRecord grant) {
    }

    /** The request's principals, operations (each once, in the order given) and constraint, checked for form. */
    private static Requested requested(CreateGrantRequest request, List<String> operations) {
        requirePrincipal(request.granteePrincipal());
        if (request.retiringPrincipal() != null) {
            requirePrincipal(request.retiringPrincipal());
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(operations));
        if (distinct.isEmpty()) {
            throw CommonErrors.validation("Grants must contain at least one operation.");
        }
        if (distinct.equals(List.of(GrantOperation.CREATE_GRANT.toString()))) {
            throw CommonErrors.validation("Grants must not contain only the CreateGrant operation.");
        }
        GrantConstraints constraints = request.constraints();
        Map<String, String> equals = constraints != null && constraints.hasEncryptionContextEquals()
                ? checkedContext(constraints.encryptionContextEquals()) : null;
        Map<String, String> subset = constraints != null && constraints.hasEncryptionContextSubset()
                ? checkedContext(constraints.encryptionContextSubset()) : null;
        return new Requested(request.granteePrincipal(), request.retiringPrincipal(), distinct, equals, subset,
                request.name());
    }

    private static void requirePrincipal(String principal) {
        if (!PRINCIPAL.matcher(principal).matches()) {
            throw KmsErrors.invalidArn("Invalid arn " + principal);
        }
    }

    private static Map<String, String> checkedContext(Map<String, String> context) {
        if (context.size() > MAX_CONSTRAINT_PAIRS) {
            throw CommonErrors.validation("A grant constraint can include at most " + MAX_CONSTRAINT_PAIRS
                    + " encryption context pairs.");
        }
        if (context.values().stream().anyMatch(value -> value.length() > MAX_CONSTRAINT_VALUE)) {
            throw CommonErrors.validation("An encryption context value in a grant constraint cannot exceed "
                    + MAX_CONSTRAINT_VALUE + " characters.");
        }
        return Map.copyOf(context);
    }

    private static KmsConditions conditions(Caller caller, KmsKey key, Requested requested) {
        KmsConditions conditions = KmsConditions.of(caller, key)
                .put("kms:GrantOperations", requested.operations())
                .put("kms:GranteePrincipal", requested.granteePrincipal())
                .put("kms:GrantIsForAWSResource", "false");
        if (requested.retiringPrincipal() != null) {
            conditions.put("kms:RetiringPrincipal", requested.retiringPrincipal());
        }
        List<String> constraintTypes = new ArrayList<>();
        if (requested.equals() != null) {
            constraintTypes.add("EncryptionContextEquals");
        }
        if (requested.subset() != null) {
            constraintTypes.add("EncryptionContextSubset");
        }
        if (!constraintTypes.isEmpty()) {
            conditions.put("kms:GrantConstraintType", constraintTypes);
        }
        return conditions;
    }

    /**
     * Whether a grant that allows its grantee CreateGrant allows creating this one: every operation
     * of the new grant is one of the parent's, and the new grant's constraint is as strict as the
     * parent's or stricter (the same EncryptionContextEquals; for EncryptionContextSubset, a
     * constraint of either kind that includes the parent's pairs).
     */
    private static boolean fitsWithin(Requested requested, GrantRecord parent) {
        if (!parent.operations().containsAll(requested.operations())) {
            return false;
        }
        if (parent.encryptionContextEquals() != null && !(requested.equals() != null
                && requested.equals().size() == parent.encryptionContextEquals().size()
                && KeyGrants.includes(requested.equals(), parent.encryptionContextEquals()))) {
            return false;
        }
        Map<String, String> parentSubset = parent.encryptionContextSubset();
        return parentSubset == null
                || requested.equals() != null && KeyGrants.includes(requested.equals(), parentSubset)
                || requested.subset() != null && KeyGrants.includes(requested.subset(), parentSubset);
    }

    /** The operations must be ones the key can perform; a constraint needs a key whose operations take a context. */
    private static void checkForKey(KmsKey key, Requested requested) {
        Set<GrantOperation> valid = GrantOperations.validFor(key);
        List<String> invalid = requested.operations().stream()
                .filter(operation -> !valid.contains(GrantOperation.fromValue(operation)))
                .toList();
        if (!invalid.isEmpty()) {
            throw CommonErrors.validation("Grant operations " + invalid + " are not valid for key " + key.arn()
                    + " with KeySpec " + key.spec().wireName() + " and KeyUsage " + key.usage() + ".");
        }
        if ((requested.equals() != null || requested.subset() != null) && !GrantOperations.takesConstraints(key)) {
            throw CommonErrors.validation("Encryption context grant constraints are not supported for key " + key.arn()
                    + ": only symmetric encryption KMS keys take an encryption context.");
        }
    }

    /**
     * One pass over the key's grants: the grant a named request repeats, if any, else a check
     * that one more grant stays within the quotas.
     */
    private Optional<GrantRecord> existingOrWithinQuota(WriteTransaction tx, KmsKey key, Requested requested) {
        int total = 0;
        int forGrantee = 0;
        String after = "";
        while (true) {
            Listing<GrantRecord> page = records.listGrants(tx, key.scope(), Optional.of(key.keyId()), after, PAGE_SIZE);
            for (GrantRecord grant : page.items()) {
                if (requested.name() != null && requested.name().equals(grant.name()) && requested.sameAs(grant)) {
                    return Optional.of(grant);
                }
                total++;
                if (grant.granteePrincipal().equals(requested.granteePrincipal())) {
                    forGrantee++;
                }
            }
            if (page.nextAfterId().isEmpty()) {
                break;
            }
            after = page.nextAfterId().get();
        }
        if (total >= MAX_GRANTS_PER_KEY) {
            throw KmsErrors.limitExceeded("The number of grants for key " + key.arn() + " has reached the quota of "
                    + MAX_GRANTS_PER_KEY + ".");
        }
        if (forGrantee >= MAX_GRANTS_PER_GRANTEE) {
            throw KmsErrors.limitExceeded("The number of grants for grantee principal " + requested.granteePrincipal()
                    + " on key " + key.arn() + " has reached the quota of " + MAX_GRANTS_PER_GRANTEE + ".");
        }
        return Optional.empty();
    }

    private GrantRecord newGrant(Caller caller, KmsKey key, Requested requested) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return new GrantRecord(HexFormat.of().formatHex(id), key.keyId(), requested.name(), clock.instant(),
                requested.granteePrincipal(), requested.retiringPrincipal(),
                KmsScope.of(caller).accountRootArn(),
                requested.operations(), requested.equals(), requested.subset());
    }
}
