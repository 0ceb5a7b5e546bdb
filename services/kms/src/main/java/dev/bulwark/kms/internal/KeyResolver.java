package dev.bulwark.kms.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.ReadTransaction;
import java.util.Optional;

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
 *   <li>A key or alias of another account is looked up only after the caller is authorized for
 *       the action on it, so an unauthorized caller cannot learn whether it exists.</li>
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
            case KeyReference.KeyArn arn -> new ResolvedKey(requireKey(tx, scopeOf(arn.arn(), caller, action), arn.keyId()), Optional.empty());
            case KeyReference.AliasName alias -> viaAlias(tx, own, true, alias.aliasName(), accepts);
            case KeyReference.AliasArn alias -> {
                KmsScope scope = scopeOf(alias.arn(), caller, action);
                yield viaAlias(tx, scope, scope.equals(own), alias.aliasName(), accepts);
            }
        };
    }

    /** A key id or ARN known to name a key of the caller's scope or another (a ciphertext's key, an alias's target). */
    public KmsKey requireKey(ReadTransaction tx, KmsScope scope, String keyId) {
        return records.findKey(tx, scope, keyId).orElseThrow(() -> KmsErrors.keyNotFound(scope.keyArn(keyId)));
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

    private static KmsScope scopeOf(Arn arn, Caller caller, String action) {
        if (!arn.region().equals(caller.region().name())) {
            throw KmsErrors.arnInOtherRegion(arn.region());
        }
        if (!AccountId.isValid(arn.account())) {
            throw KmsErrors.invalidArn("Invalid arn " + arn);
        }
        AccountId account = AccountId.of(arn.account());
        if (!account.equals(caller.account())) {
            caller.authorize(action, arn.toString());
        }
        return new KmsScope(account, Region.of(arn.region()));
    }
}
