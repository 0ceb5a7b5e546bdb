package dev.bulwark.kms.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.ResourceAccess;
import dev.bulwark.kms.internal.KeyResolver.Accepts;
import dev.bulwark.store.ReadTransaction;
import java.util.function.UnaryOperator;

/**
 * The first steps of every operation on a key, in AWS's order: find the key the KeyId names,
 * authorize the action on the key's ARN with the request's condition keys and the key policy, and (for management
 * operations) refuse AWS managed keys, whose policy lets the account read but not manage them.
 * State and usage checks follow in the operation ({@link KmsKey#requireEnabled()}, ...).
 */
public final class KeyAccess {
    private final KeyResolver resolver;

    public KeyAccess(KeyResolver resolver) {
        this.resolver = resolver;
    }

    /** A key to use (cryptography, DescribeKey, GetPublicKey): any KeyId form, aliases included. */
    public ResolvedKey forUse(ReadTransaction tx, Caller caller, String keyId, String action,
            UnaryOperator<KmsConditions> requestConditions) {
        ResolvedKey resolved = resolver.resolve(tx, caller, keyId, Accepts.KEYS_AND_ALIASES, action);
        authorize(caller, action, resolved.key(), requestConditions.apply(KmsConditions.of(caller, resolved)));
        return resolved;
    }

    /** A key to read or use whose KeyId must be a key id or key ARN (ListAliases' filter, grants, tags, ...). */
    public KmsKey byKeyId(ReadTransaction tx, Caller caller, String keyId, String action) {
        KmsKey key = resolver.resolve(tx, caller, keyId, Accepts.KEYS, action).key();
        authorize(caller, action, key, KmsConditions.of(caller, key));
        return key;
    }

    /**
     * The one place an action on a key is authorized: on the key's ARN, with the request's
     * condition keys and the key policy, which must allow the action (directly, or by delegating
     * to the account's IAM policies as the default policy does). Grants join here.
     */
    public static void authorize(Caller caller, String action, KmsKey key, KmsConditions conditions) {
        caller.authorize(action, key.arn(), conditions.toMap(), ResourceAccess.keyPolicy(key.record().policy()));
    }

    /** A customer managed key to manage (enable, disable, describe, schedule deletion, alias, ...): key id or ARN only. */
    public KmsKey forManagement(ReadTransaction tx, Caller caller, String keyId, String action) {
        return forManagement(tx, caller, keyId, action, UnaryOperator.identity());
    }

    /** As {@link #forManagement(ReadTransaction, Caller, String, String)}, with the request's condition keys. */
    public KmsKey forManagement(ReadTransaction tx, Caller caller, String keyId, String action,
            UnaryOperator<KmsConditions> requestConditions) {
        KmsKey key = resolver.resolve(tx, caller, keyId, Accepts.KEYS, action).key();
        authorize(caller, action, key, requestConditions.apply(KmsConditions.of(caller, key)));
        if (key.isAwsManaged()) {
            throw KmsErrors.accessDenied(caller, action, key.arn());
        }
        return key;
    }
}
