package dev.bulwark.kms.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.ResourceAccess;
import dev.bulwark.store.ReadTransaction;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the key a KeyId parameter names, with AWS's answers when it names none.
 *
 * <ul>
 *   <li>Key ids and key ARNs: {@code Key 'arn:...:key/...' does not exist}; a malformed id is
 *       {@code Invalid keyId 'x'}; an ARN of another region is {@code Invalid arn us-west-2}.</li>
 *   <li>Alias names and alias ARNs, for the operations that accept them:
 *       {@code Alias arn:...:alias/x is not found.} A predefined AWS alias ({@code alias/aws/ssm})
 *       that has no key yet is not an error: AWS creates the AWS managed key on first use, and so
 *       does {@link KmsTransactions} when this resolver reports it missing.</li>
 *   <li>Operations that take only a key id or ARN refuse aliases with InvalidArnException.</li>
 *   <li>A key of another account, named by its key ARN (AWS accepts no other form across
 *       accounts), is found in its own account's scope for the operations AWS allows across
 *       accounts ({@link #CROSS_ACCOUNT_ACTIONS}); {@link KeyAccess} then authorizes the call with
 *       that key's policy and grants, so both accounts must allow it. A key ARN that names no key
 *       there is refused exactly as a key whose policy allows the caller nothing, so an
 *       unauthorized caller cannot learn whether it exists. Any other operation, and any alias of
 *       another account, is authorized without a key policy before anything is looked up, which
 *       the policy engine denies across accounts.</li>
 * </ul>
 */
public final class KeyResolver {

    /** Which forms of KeyId an operation accepts (its model documentation says). */
    public enum Accepts {
        /** Key id or key ARN (EnableKey, ScheduleKeyDeletion, key policies, grants, tags, ...). */
        KEYS,
        /** Key id, key ARN, alias name or alias ARN (DescribeKey, Encrypt, GenerateDataKey, ...). */
        KEYS_AND_ALIASES
    }

    /**
     * The actions AWS allows on a key of another account (the API reference's "Cross-account use:
     * Yes"); every other operation acts only on the caller's own keys.
     */
    static final Set<String> CROSS_ACCOUNT_ACTIONS = Set.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
            "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair",
            "kms:GenerateDataKeyPairWithoutPlaintext", "kms:GenerateMac", "kms:VerifyMac", "kms:Sign", "kms:Verify",
            "kms:GetPublicKey", "kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:CreateGrant", "kms:ListGrants",
            "kms:RetireGrant", "kms:RevokeGrant", "kms:DeriveSharedSecret");

    private final KmsRecords records;

    public KeyResolver(KmsRecords records) {
        this.records = records;
    }

    /**
     * @param action the IAM action of the operation, to authorize before looking into another account
     * @throws AwsManagedKeyMissing if an accepted predefined AWS alias has no key yet
     */
    public ResolvedKey resolve(ReadTransaction tx, Caller caller, String keyIdParameter, Accepts accepts, String action) {
        KmsScope own = KmsScope.of(caller);
        return switch (KeyReference.parse(keyIdParameter)) {
            case KeyReference.KeyId id -> new ResolvedKey(requireKey(tx, own, id.keyId()), Optional.empty());
            case KeyReference.KeyArn arn -> {
                KmsScope scope = scopeOf(arn.arn(), caller);
                yield new ResolvedKey(requireKey(tx, caller, scope, arn.keyId(), action,
                        () -> KmsErrors.keyNotFound(scope.keyArn(arn.keyId()))), Optional.empty());
            }
            case KeyReference.AliasName alias -> viaAlias(tx, own, true, alias.aliasName(), accepts);
            case KeyReference.AliasArn alias -> {
                KmsScope scope = scopeOf(alias.arn(), caller);
                if (!scope.equals(own)) {
                    caller.authorize(action, alias.arn().toString());
                }
                yield viaAlias(tx, scope, scope.equals(own), alias.aliasName(), accepts);
            }
        };
    }

    /** A key named by the caller's own scope (a key id, an alias's target). */
    private KmsKey requireKey(ReadTransaction tx, KmsScope scope, String keyId) {
        return records.findKey(tx, scope, keyId).orElseThrow(() -> KmsErrors.keyNotFound(scope.keyArn(keyId)));
    }

    /**
     * A key of the caller's account, or of another account for an action AWS allows across
     * accounts (a key ARN, a ciphertext's key), for the caller to be authorized on next.
     *
     * @param notFound the answer for a key of the caller's account that does not exist
     */
    public KmsKey requireKey(ReadTransaction tx, Caller caller, KmsScope scope, String keyId, String action,
            Supplier<AwsException> notFound) {
        if (scope.account().equals(caller.account())) {
            return records.findKey(tx, scope, keyId).orElseThrow(notFound);
        }
        if (!CROSS_ACCOUNT_ACTIONS.contains(action)) {
            caller.authorize(action, scope.keyArn(keyId));
            return records.findKey(tx, scope, keyId).orElseThrow(notFound);
        }
        Optional<KmsKey> key = records.findKey(tx, scope, keyId);
        if (key.isEmpty()) {
            refuseAsUnknown(caller, action, scope, keyId);
            throw notFound.get();
        }
        return key.get();
    }

    /**
     * Refuses a call on something of another account that the caller must not learn exists (an
     * unknown key, a grant id its key does not have) as the authorizer refuses a key with the
     * default key policy, which allows nothing outside the key's account. Returns only under an
     * authorizer that allows everything.
     */
    public static void refuseAsUnknown(Caller caller, String action, KmsScope scope, String keyId) {
        caller.authorize(action, scope.keyArn(keyId), KmsConditions.of(caller).toMap(),
                ResourceAccess.keyPolicy(KeyPolicies.defaultPolicy(scope)));
    }

    private ResolvedKey viaAlias(ReadTransaction tx, KmsScope scope, boolean ownScope, String aliasName, Accepts accepts) {
        if (accepts != Accepts.KEYS_AND_ALIASES) {
            throw KmsErrors.aliasNotAccepted();
        }
        Optional<AliasRecord> alias = records.findAlias(tx, scope, aliasName);
        if (alias.isEmpty()) {
            if (ownScope && AwsManagedKeys.isPredefined(aliasName)) {
                throw new AwsManagedKeyMissing(scope, aliasName);
            }
            throw KmsErrors.aliasNotFound(scope.aliasArn(aliasName));
        }
        return new ResolvedKey(requireKey(tx, scope, alias.get().targetKeyId()), Optional.of(aliasName));
    }

    private static KmsScope scopeOf(Arn arn, Caller caller) {
        if (!arn.region().equals(caller.region().name())) {
            throw KmsErrors.arnInOtherRegion(arn.region());
        }
        if (!AccountId.isValid(arn.account())) {
            throw KmsErrors.invalidArn("Invalid arn " + arn);
        }
        return new KmsScope(AccountId.of(arn.account()), Region.of(arn.region()));
    }
}
