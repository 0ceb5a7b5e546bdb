package dev.bulwark.kms.internal.grants;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.GrantPrincipals;
import dev.bulwark.kms.internal.GrantRecord;
import dev.bulwark.kms.internal.GrantTokens;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyResolver;
import dev.bulwark.kms.internal.KeyResolver.Accepts;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.RetireGrantRequest;
import software.amazon.awssdk.services.kms.model.RetireGrantResponse;
import software.amazon.awssdk.services.kms.model.RevokeGrantRequest;
import software.amazon.awssdk.services.kms.model.RevokeGrantResponse;

/**
 * RetireGrant and RevokeGrant: the two ways to delete a grant, which differ in who may.
 *
 * <p>RevokeGrant is authorized like any key operation: {@code kms:RevokeGrant} under the key
 * policy (key administrators have it).
 *
 * <p>RetireGrant is authorized by the grant itself, as AWS does: its retiring principal may retire
 * it, its grantee may if the grant includes the RetireGrant operation, and principals of the
 * account that created the grant may if their own (IAM) policies allow {@code kms:RetireGrant}.
 * The key policy plays no part. The grant is named by a grant token, or by key id or key ARN and
 * grant id.
 *
 * <p>Both work in every key state; a grant id the key has no grant of is InvalidGrantIdException.
 */
public final class GrantRetirement {
    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyResolver resolver;
    private final KeyAccess access;

    public GrantRetirement(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.resolver = core.resolver();
        this.access = core.access();
    }

    public RetireGrantResponse retireGrant(Caller caller, RetireGrantRequest request) {
        Validation.check()
                .length("grantToken", request.grantToken(), 1, 8192)
                .length("keyId", request.keyId(), 1, 2048)
                .length("grantId", request.grantId(), 1, 128)
                .orThrow();
        if (request.grantToken() == null && (request.keyId() == null || request.grantId() == null)) {
            throw CommonErrors.validation("Grant token OR (grant ID, key ID) must be specified");
        }
        transactions.write(tx -> {
            Named named = request.grantToken() != null ? byToken(tx, request.grantToken())
                    : byId(tx, caller, resolver.resolve(tx, caller, request.keyId(), Accepts.KEYS, "kms:RetireGrant").key(),
                            request.grantId());
            authorizeRetirement(caller, named);
            delete(tx, named, request.dryRun());
            return null;
        });
        return RetireGrantResponse.builder().build();
    }

    public RevokeGrantResponse revokeGrant(Caller caller, RevokeGrantRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .requiredText("grantId", request.grantId(), 1, 128)
                .orThrow();
        transactions.write(tx -> {
            KmsKey key = access.byKeyId(tx, caller, request.keyId(), "kms:RevokeGrant",
                    conditions -> conditions.put("kms:GrantIsForAWSResource", "false"));
            delete(tx, byId(tx, key, request.grantId()), request.dryRun());
            return null;
        });
        return RevokeGrantResponse.builder().build();
    }

    /** A grant and its key. */
    private record Named(KmsKey key, GrantRecord grant) {
    }

    private Named byToken(ReadTransaction tx, String grantToken) {
        GrantTokens.Token token = GrantTokens.read(grantToken);
        KmsKey key = records.findKey(tx, token.scope(), token.keyId())
                .orElseThrow(() -> KmsErrors.keyNotFound(token.scope().keyArn(token.keyId())));
        return byId(tx, key, token.grantId());
    }

    private Named byId(ReadTransaction tx, KmsKey key, String grantId) {
        GrantRecord grant = records.findGrant(tx, key.scope(), key.keyId(), grantId)
                .orElseThrow(() -> KmsErrors.invalidGrantId(grantId));
        return new Named(key, grant);
    }

    /**
     * The same for RetireGrant by key and grant id, which is authorized by the grant itself: a
     * caller of another account naming a grant id the key lacks is refused as for an unknown key,
     * so it cannot learn that the key exists.
     */
    private Named byId(ReadTransaction tx, Caller caller, KmsKey key, String grantId) {
        if (!key.scope().account().equals(caller.account())
                && records.findGrant(tx, key.scope(), key.keyId(), grantId).isEmpty()) {
            KeyResolver.refuseAsUnknown(caller, "kms:RetireGrant", key.scope(), key.keyId());
        }
        return byId(tx, key, grantId);
    }

    private static void authorizeRetirement(Caller caller, Named named) {
        GrantRecord grant = named.grant();
        String keyArn = named.key().arn();
        caller.noteResource(keyArn);
        boolean namedByGrant = GrantPrincipals.names(grant.retiringPrincipal(), caller.principal())
                || GrantPrincipals.names(grant.granteePrincipal(), caller.principal())
                && grant.operations().contains(GrantOperation.RETIRE_GRANT.toString());
        if (namedByGrant) {
            return;
        }
        if (!KmsScope.of(caller).accountRootArn().equals(grant.issuingAccount())) {
            throw KmsErrors.accessDenied(caller, "kms:RetireGrant", keyArn);
        }
        caller.authorize("kms:RetireGrant", keyArn, KmsConditions.of(caller, named.key()).toMap());
    }

    private void delete(WriteTransaction tx, Named named, Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw KmsErrors.dryRun();
        }
        records.deleteGrant(tx, named.key().scope(), named.key().keyId(), named.grant().grantId());
    }
}
