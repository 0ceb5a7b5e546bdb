package dev.bulwark.kms.internal.aliases;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.kms.internal.AliasRecord;
import dev.bulwark.kms.internal.AwsManagedKeys;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.Markers;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasResponse;

/**
 * CreateAlias, UpdateAlias, DeleteAlias and ListAliases.
 *
 * <p>Aliases point at customer managed keys of the same account and region, named by key id or
 * key ARN (never by another alias). Changing an alias needs permission on the alias and on the
 * keys it points at before and after. An alias may move only to a key of the same type
 * (symmetric encryption, asymmetric or HMAC) and usage, so code that uses the alias keeps working.
 *
 * <p>ListAliases also shows the predefined AWS aliases that have no key yet, without a
 * TargetKeyId, as AWS does.
 */
public final class Aliases {
    private static final int DEFAULT_LIST_LIMIT = 50;
    /** AWS documents 1..100 for ListAliases' Limit although the shared model type allows 1000; more is served as 100. */
    private static final int MAX_LIST_LIMIT = 100;
    private static final Set<KeyState> ALIASABLE = EnumSet.of(
            KeyState.Enabled, KeyState.Disabled, KeyState.PendingImport, KeyState.Unavailable);

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;
    private final Clock clock;

    public Aliases(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
        this.clock = core.clock();
    }

    public CreateAliasResponse createAlias(Caller caller, CreateAliasRequest request) {
        AliasNames.constraints(Validation.check(), request.aliasName())
                .requiredText("targetKeyId", request.targetKeyId(), 1, 2048)
                .orThrow();
        AliasNames.requireCustomerAlias(request.aliasName());
        KmsScope scope = KmsScope.of(caller);
        String aliasArn = scope.aliasArn(request.aliasName());
        caller.authorize("kms:CreateAlias", aliasArn);
        transactions.write(tx -> {
            if (records.findAlias(tx, scope, request.aliasName()).isPresent()) {
                throw KmsErrors.alreadyExists("An alias with the name " + aliasArn + " already exists");
            }
            KmsKey target = aliasTarget(tx, caller, request.targetKeyId(), "kms:CreateAlias");
            Instant now = clock.instant();
            records.putAlias(tx, scope, new AliasRecord(request.aliasName(), target.keyId(), now, now));
            return null;
        });
        return CreateAliasResponse.builder().build();
    }

    public UpdateAliasResponse updateAlias(Caller caller, UpdateAliasRequest request) {
        AliasNames.constraints(Validation.check(), request.aliasName())
                .requiredText("targetKeyId", request.targetKeyId(), 1, 2048)
                .orThrow();
        AliasNames.requireCustomerAlias(request.aliasName());
        KmsScope scope = KmsScope.of(caller);
        caller.authorize("kms:UpdateAlias", scope.aliasArn(request.aliasName()));
        transactions.write(tx -> {
            AliasRecord alias = existingAlias(tx, scope, request.aliasName());
            KmsKey current = access.byKeyId(tx, caller, alias.targetKeyId(), "kms:UpdateAlias");
            KmsKey target = aliasTarget(tx, caller, request.targetKeyId(), "kms:UpdateAlias");
            if (current.usage() != target.usage() || keyType(current.spec()) != keyType(target.spec())) {
                throw CommonErrors.validation("Alias " + request.aliasName() + " cannot be changed from a "
                        + keyType(current.spec()) + " " + current.usage() + " key to a "
                        + keyType(target.spec()) + " " + target.usage() + " key: the key type and key usage must stay the same.");
            }
            records.putAlias(tx, scope, alias.retarget(target.keyId(), clock.instant()));
            return null;
        });
        return UpdateAliasResponse.builder().build();
    }

    public DeleteAliasResponse deleteAlias(Caller caller, DeleteAliasRequest request) {
        AliasNames.constraints(Validation.check(), request.aliasName()).orThrow();
        AliasNames.requireCustomerAlias(request.aliasName());
        KmsScope scope = KmsScope.of(caller);
        caller.authorize("kms:DeleteAlias", scope.aliasArn(request.aliasName()));
        transactions.write(tx -> {
            AliasRecord alias = existingAlias(tx, scope, request.aliasName());
            // A key past its deletion date but not yet purged no longer exists: its alias can go without asking it.
            records.findKey(tx, scope, alias.targetKeyId())
                    .ifPresent(key -> access.authorize(tx, caller, "kms:DeleteAlias", key, KmsConditions.of(caller, key)));
            records.deleteAlias(tx, scope, alias.aliasName());
            return null;
        });
        return DeleteAliasResponse.builder().build();
    }

    public ListAliasesResponse listAliases(Caller caller, ListAliasesRequest request) {
        Validation.check()
                .length("keyId", request.keyId(), 1, 2048)
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .orThrow();
        String after = Markers.decode(request.marker());
        int limit = Math.min(request.limit() == null ? DEFAULT_LIST_LIMIT : request.limit(), MAX_LIST_LIMIT);
        KmsScope scope = KmsScope.of(caller);
        caller.authorize("kms:ListAliases", "*", KmsConditions.of(caller).toMap());
        AliasPage page = transactions.read(tx -> request.keyId() == null
                ? allAliases(tx, scope, after, limit)
                : aliasesOf(tx, access.byKeyId(tx, caller, request.keyId(), "kms:ListAliases"), after, limit));
        ListAliasesResponse.Builder response = ListAliasesResponse.builder()
                .aliases(page.entries().stream().map(entry -> entry.toSdk(scope)).toList())
                .truncated(page.nextAfter().isPresent());
        page.nextAfter().ifPresent(next -> response.nextMarker(Markers.encode(next)));
        return response.build();
    }

    /** The key an alias may point at: a customer managed key by id or ARN, in a state that takes aliases. */
    private KmsKey aliasTarget(WriteTransaction tx, Caller caller, String targetKeyId, String action) {
        KmsKey target = access.forManagement(tx, caller, targetKeyId, action);
        target.requireState(ALIASABLE);
        return target;
    }

    private AliasRecord existingAlias(ReadTransaction tx, KmsScope scope, String aliasName) {
        return records.findAlias(tx, scope, aliasName).orElseThrow(() -> KmsErrors.aliasNotFound(scope.aliasArn(aliasName)));
    }

    /**
     * Stored aliases merged with the predefined AWS aliases that have no key yet, in name order;
     * aliases of keys past their deletion date are not shown. One stored alias more than a page is
     * read: if it exists, the page ends at the last stored alias that fits, and the next page
     * starts after it.
     */
    private AliasPage allAliases(ReadTransaction tx, KmsScope scope, String after, int limit) {
        List<AliasRecord> stored = records.listAliases(tx, scope, after, limit + 1).items();
        boolean moreStored = stored.size() > limit;
        Optional<String> lastStored = moreStored ? Optional.of(stored.get(limit - 1).aliasName()) : Optional.empty();
        List<Entry> entries = new ArrayList<>();
        for (AliasRecord alias : stored.subList(0, Math.min(stored.size(), limit))) {
            if (records.findKey(tx, scope, alias.targetKeyId()).isPresent()) {
                entries.add(Entry.of(alias));
            }
        }
        for (String predefined : AwsManagedKeys.predefinedAliasNames()) {
            boolean inRange = predefined.compareTo(after) > 0 && lastStored.map(last -> predefined.compareTo(last) < 0).orElse(true);
            if (inRange && records.findAlias(tx, scope, predefined).isEmpty()) {
                entries.add(new Entry(predefined, Optional.empty()));
            }
        }
        entries.sort(Comparator.comparing(Entry::aliasName));
        if (entries.size() > limit) {
            return new AliasPage(entries.subList(0, limit), Optional.of(entries.get(limit - 1).aliasName()));
        }
        return new AliasPage(entries, lastStored);
    }

    /** The aliases of one key (a scan: aliases are not indexed by target), paged in memory. */
    private AliasPage aliasesOf(ReadTransaction tx, KmsKey key, String after, int limit) {
        List<Entry> entries = records.aliasesOf(tx, key.scope(), key.keyId()).stream()
                .filter(alias -> alias.aliasName().compareTo(after) > 0)
                .sorted(Comparator.comparing(AliasRecord::aliasName))
                .map(Entry::of)
                .toList();
        if (entries.size() > limit) {
            return new AliasPage(entries.subList(0, limit), Optional.of(entries.get(limit - 1).aliasName()));
        }
        return new AliasPage(entries, Optional.empty());
    }

    /** Aliases may only move between keys of the same one of these types. */
    private enum KeyType { SYMMETRIC, ASYMMETRIC, HMAC }

    private static KeyType keyType(KeySpec spec) {
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            return KeyType.SYMMETRIC;
        }
        return spec.isSymmetric() ? KeyType.HMAC : KeyType.ASYMMETRIC;
    }

    /** One line of ListAliases: a stored alias, or a predefined AWS alias that has no key yet. */
    private record Entry(String aliasName, Optional<AliasRecord> stored) {
        static Entry of(AliasRecord alias) {
            return new Entry(alias.aliasName(), Optional.of(alias));
        }

        AliasListEntry toSdk(KmsScope scope) {
            AliasListEntry.Builder entry = AliasListEntry.builder().aliasName(aliasName).aliasArn(scope.aliasArn(aliasName));
            stored.ifPresent(alias -> entry.targetKeyId(alias.targetKeyId())
                    .creationDate(alias.creationDate())
                    .lastUpdatedDate(alias.lastUpdatedDate()));
            return entry.build();
        }
    }

    /** @param nextAfter where the next page starts; empty on the last page */
    private record AliasPage(List<Entry> entries, Optional<String> nextAfter) {
    }
}
