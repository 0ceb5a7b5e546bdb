package dev.bulwark.kms.internal;

import dev.bulwark.core.call.Principal;
import dev.bulwark.kms.internal.KmsRecords.Listing;
import dev.bulwark.store.ReadTransaction;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.kms.model.GrantOperation;

/**
 * Whether one of a key's grants allows a call, as KMS decides on every call to the key.
 *
 * <p>A grant allows an action when all of these hold:
 * <ol>
 *   <li>it names the caller as its grantee ({@link GrantPrincipals});</li>
 *   <li>the action is one of its operations ({@code kms:Decrypt} and the grant operation
 *       {@code Decrypt});</li>
 *   <li>for operations that take an encryption context (the cryptographic operations of symmetric
 *       encryption keys), its constraint holds for the request's context: with
 *       EncryptionContextEquals the context has exactly the constraint's pairs, with
 *       EncryptionContextSubset at least them. Keys compare without regard to case and values
 *       exactly, as AWS documents. DescribeKey, RetireGrant and CreateGrant are not constrained;</li>
 *   <li>whatever else the operation asks of the grant ({@code covers}): CreateGrant asks that the
 *       grant being created has no operation the parent grant lacks and a constraint at least as
 *       strict.</li>
 * </ol>
 * A grant is an allow and nothing more: {@link KeyAccess} hands it to the authorizer, where an
 * explicit deny in a key policy or an IAM policy still wins over it.
 *
 * <p>Grants take effect at once (AWS's are eventually consistent, so its callers pass grant tokens
 * to use a new grant immediately; Bulwark needs none). Finding them lists the key's grants, so a
 * call costs one prefix scan per grant operation on a key; actions that are not grant operations
 * (EnableKey, PutKeyPolicy, ...) read nothing.
 */
public final class KeyGrants {
    /** The grant operations whose requests carry an encryption context, to which constraints apply. */
    public static final Set<GrantOperation> CONTEXT_OPERATIONS = EnumSet.of(GrantOperation.ENCRYPT,
            GrantOperation.DECRYPT, GrantOperation.RE_ENCRYPT_FROM, GrantOperation.RE_ENCRYPT_TO,
            GrantOperation.GENERATE_DATA_KEY, GrantOperation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT,
            GrantOperation.GENERATE_DATA_KEY_PAIR, GrantOperation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT);
    private static final String ACTION_PREFIX = "kms:";
    private static final int PAGE_SIZE = 500;

    private final KmsRecords records;

    public KeyGrants(KmsRecords records) {
        this.records = records;
    }

    /** The grant operation an IAM action is, if it is one ({@code kms:Decrypt} is Decrypt). */
    public static Optional<GrantOperation> operationOf(String action) {
        if (!action.startsWith(ACTION_PREFIX)) {
            return Optional.empty();
        }
        GrantOperation operation = GrantOperation.fromValue(action.substring(ACTION_PREFIX.length()));
        return operation == GrantOperation.UNKNOWN_TO_SDK_VERSION ? Optional.empty() : Optional.of(operation);
    }

    /**
     * Whether a grant of {@code key} allows {@code principal} the action.
     *
     * @param context the request's encryption context (empty when it has none)
     * @param covers  what the operation further asks of the grant; {@code grant -> true} for most
     */
    public boolean allow(ReadTransaction tx, Principal principal, String action, KmsKey key,
            Map<String, String> context, Predicate<GrantRecord> covers) {
        Optional<GrantOperation> operation = operationOf(action);
        if (operation.isEmpty()) {
            return false;
        }
        String after = "";
        while (true) {
            Listing<GrantRecord> page = records.listGrants(tx, key.scope(), Optional.of(key.keyId()), after, PAGE_SIZE);
            for (GrantRecord grant : page.items()) {
                if (allows(grant, principal, operation.get(), context) && covers.test(grant)) {
                    return true;
                }
            }
            if (page.nextAfterId().isEmpty()) {
                return false;
            }
            after = page.nextAfterId().get();
        }
    }

    static boolean allows(GrantRecord grant, Principal principal, GrantOperation operation, Map<String, String> context) {
        return GrantPrincipals.names(grant.granteePrincipal(), principal)
                && grant.operations().contains(operation.toString())
                && (!CONTEXT_OPERATIONS.contains(operation) || constraintHolds(grant, context));
    }

    /** Whether a request's encryption context satisfies the grant's constraint (always, without one). */
    public static boolean constraintHolds(GrantRecord grant, Map<String, String> context) {
        if (grant.encryptionContextEquals() != null && !(context.size() == grant.encryptionContextEquals().size()
                && includes(context, grant.encryptionContextEquals()))) {
            return false;
        }
        return grant.encryptionContextSubset() == null || includes(context, grant.encryptionContextSubset());
    }

    /** Whether every pair of {@code required} is in {@code context}, keys compared without regard to case. */
    public static boolean includes(Map<String, String> context, Map<String, String> required) {
        return required.entrySet().stream().allMatch(pair -> context.entrySet().stream()
                .anyMatch(given -> given.getKey().equalsIgnoreCase(pair.getKey()) && given.getValue().equals(pair.getValue())));
    }
}
