package dev.bulwark.kms.internal.lifecycle;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.GrantTokens;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMetadataMapper;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsRecords.Listing;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.Markers;
import dev.bulwark.kms.internal.ResolvedKey;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionResponse;

/**
 * DescribeKey, ListKeys, UpdateKeyDescription, EnableKey and DisableKey. State changes follow
 * AWS's key-state table: enabling and disabling work on Enabled and Disabled keys only (a key
 * pending deletion or import answers KMSInvalidStateException), a description can change in any
 * state but PendingDeletion. AWS managed keys cannot be managed by the account.
 */
public final class KeyLifecycle {
    private static final int DEFAULT_LIST_LIMIT = 100;
    private static final Set<KeyState> TOGGLEABLE = EnumSet.of(KeyState.Enabled, KeyState.Disabled);
    private static final Set<KeyState> DESCRIBABLE_CHANGES = EnumSet.of(
            KeyState.Enabled, KeyState.Disabled, KeyState.PendingImport, KeyState.Unavailable);

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public KeyLifecycle(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public DescribeKeyResponse describeKey(Caller caller, DescribeKeyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        return transactions.read(tx -> {
            ResolvedKey resolved = access.forUse(tx, caller, request.keyId(), "kms:DescribeKey", UnaryOperator.identity());
            return DescribeKeyResponse.builder().keyMetadata(KeyMetadataMapper.toMetadata(resolved.key())).build();
        });
    }

    /** Keys of the caller's account and region in id order, including AWS managed keys and keys pending deletion. */
    public ListKeysResponse listKeys(Caller caller, ListKeysRequest request) {
        Validation.check()
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .orThrow();
        String after = Markers.decode(request.marker());
        int limit = request.limit() == null ? DEFAULT_LIST_LIMIT : request.limit();
        caller.authorize("kms:ListKeys", "*", KmsConditions.of(caller).toMap());
        Listing<KmsKey> page = transactions.read(tx -> records.listKeys(tx, KmsScope.of(caller), after, limit));
        ListKeysResponse.Builder response = ListKeysResponse.builder()
                .keys(page.items().stream().map(key -> KeyListEntry.builder().keyId(key.keyId()).keyArn(key.arn()).build()).toList())
                .truncated(page.nextAfterId().isPresent());
        page.nextAfterId().ifPresent(next -> response.nextMarker(Markers.encode(next)));
        return response.build();
    }

    public UpdateKeyDescriptionResponse updateKeyDescription(Caller caller, UpdateKeyDescriptionRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("description", request.description())
                .length("description", request.description(), 0, 8192)
                .orThrow();
        change(caller, request.keyId(), "kms:UpdateKeyDescription", DESCRIBABLE_CHANGES,
                key -> key.with(key.record().withDescription(request.description())));
        return UpdateKeyDescriptionResponse.builder().build();
    }

    public EnableKeyResponse enableKey(Caller caller, EnableKeyRequest request) {
        Validation.check().requiredText("keyId", request.keyId(), 1, 2048).orThrow();
        change(caller, request.keyId(), "kms:EnableKey", TOGGLEABLE, key -> key.with(key.record().withState(KeyState.Enabled)));
        return EnableKeyResponse.builder().build();
    }

    public DisableKeyResponse disableKey(Caller caller, DisableKeyRequest request) {
        Validation.check().requiredText("keyId", request.keyId(), 1, 2048).orThrow();
        change(caller, request.keyId(), "kms:DisableKey", TOGGLEABLE, key -> key.with(key.record().withState(KeyState.Disabled)));
        return DisableKeyResponse.builder().build();
    }

    /** Finds a customer managed key by id or ARN, authorizes, checks its state and stores the changed key. */
    private void change(Caller caller, String keyId, String action, Set<KeyState> allowed, UnaryOperator<KmsKey> change) {
        transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, keyId, action);
            key.requireState(allowed);
            records.putKey(tx, change.apply(key));
            return null;
        });
    }
}
