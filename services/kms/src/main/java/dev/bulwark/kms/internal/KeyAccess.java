package dev.bulwark.kms.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.ResourceAccess;
import dev.bulwark.kms.internal.KeyResolver.Accepts;
import dev.bulwark.store.ReadTransaction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The first steps of every operation on a key, in AWS's order: find the key the KeyId names,
 * authorize the action on the key's ARN with the request's condition keys, the key policy and the
 * key's grants, and (for management operations) refuse AWS managed keys, whose policy lets the
 * account read but not manage them. State and usage checks follow in the operation
 * ({@link KmsKey#requireEnabled()}, ...).
 */
public final class KeyAccess {
    private final KeyResolver resolver;
    private final KeyGrants grants;

    public KeyAccess(KeyResolver resolver, KeyGrants grants) {
        this.resolver = resolver;
        this.grants = grants;
    }

    /** A key to use (cryptography, DescribeKey, GetPublicKey): any KeyId form, aliases included. */
    public ResolvedKey forUse(ReadTransaction tx, Caller caller, String keyId, String action,
            UnaryOperator<KmsConditions> requestConditions) {
        ResolvedKey resolved = resolver.resolve(tx, caller, keyId, Accepts.KEYS_AND_ALIASES, action);
        authorize(tx, caller, action, resolved.key(), requestConditions.apply(KmsConditions.of(caller, resolved)));
        return resolved;
    }

    /** A key to read or use whose KeyId must be a key id or key ARN (ListAliases' filter, grants, tags, ...). */
    public KmsKey byKeyId(ReadTransaction tx, Caller caller, String keyId, String action) {
        return byKeyId(tx, caller, keyId, action, UnaryOperator.identity());
    }

    /** The same, with the request's own condition keys ({@code aws:RequestTag/...}, {@code kms:GrantIsForAWSResource}, ...). */
    public KmsKey byKeyId(ReadTransaction tx, Caller caller, String keyId, String action,
            UnaryOperator<KmsConditions> requestConditions) {
        KmsKey key = resolver.resolve(tx, caller, keyId, Accepts.KEYS, action).key();
        authorize(tx, caller, action, key, requestConditions.apply(KmsConditions.of(caller, key)));
        return key;
    }

    /**
     * The one place an action on a key is authorized: on the key's ARN, with the request's
     * condition keys and the key policy, which must allow the action (directly, or by delegating
     * to the account's IAM policies as the default policy does), unless a grant of the key allows
     * it ({@link KeyGrants}); an explicit deny wins over a grant.
     */
    public void authorize(ReadTransaction tx, Caller caller, String action, KmsKey key, KmsConditions conditions) {
        authorize(tx, caller, action, key, conditions, grant -> true);
    }

    /**
     * The same, for an operation that asks more of a grant than allowing the action (CreateGrant:
     * the new grant must fit within the one that allows creating it).
     */
    public void authorize(ReadTransaction tx, Caller caller, String action, KmsKey key, KmsConditions conditions,
            Predicate<GrantRecord> grantCovers) {
        // Grants are read only if no policy allows the call, inside this transaction.
        ResourceAccess access = ResourceAccess.keyPolicy(key.record().policy()).withGrant(
                () -> grants.allow(tx, caller.principal(), action, key, conditions.encryptionContext(), grantCovers));
        caller.authorize(action, key.arn(), conditions.toMap(), access);
    }

    /** A customer managed key to manage (enable, disable, describe, schedule deletion, alias, ...): key id or ARN only. */
    public KmsKey forManagement(ReadTransaction tx, Caller caller, String keyId, String action) {
        return forManagement(tx, caller, keyId, action, UnaryOperator.identity());
    }

    /** The same, with the request's own condition keys. */
    public KmsKey forManagement(ReadTransaction tx, Caller caller, String keyId, String action,
            UnaryOperator<KmsConditions> requestConditions) {
        KmsKey key = byKeyId(tx, caller, keyId, action, requestConditions);
        if (key.isAwsManaged()) {
            throw KmsErrors.accessDenied(caller, action, key.arn());
        }
        return key;
    }
}
