package dev.bulwark.kms.internal.grants;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.GrantRecord;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsSchema;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.Markers;
import dev.bulwark.kms.internal.grants.GrantPages.GrantPage;
import dev.bulwark.store.ReadTransaction;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsResponse;

/**
 * ListGrants (the grants of one key, by grant id or grantee if asked) and ListRetirableGrants (the
 * grants of the caller's account and region that a principal may retire). Both page with Limit
 * 1..100 (default 50; AWS documents 1..100 though the model allows 1000, so more is served as
 * 100) and an opaque Marker, in grant id order.
 *
 * <p>ListRetirableGrants is authorized on the retiring principal, as AWS does, not on any key; it
 * shows grants on keys of the caller's account and region, the only ones Bulwark can find by
 * scope (AWS also shows grants on other accounts' keys).
 */
public final class GrantListing {
    static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public GrantListing(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public ListGrantsResponse listGrants(Caller caller, ListGrantsRequest request) {
        Validation.check()
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .requiredText("keyId", request.keyId(), 1, 2048)
                .length("grantId", request.grantId(), 1, 128)
                .length("granteePrincipal", request.granteePrincipal(), 1, 256)
                .pattern("granteePrincipal", request.granteePrincipal(), GrantCreation.PRINCIPAL_ID)
                .orThrow();
        String afterGrantId = Markers.decode(request.marker());
        int limit = limit(request.limit());
        Listed listed = transactions.read(tx -> {
            KmsKey key = access.byKeyId(tx, caller, request.keyId(), "kms:ListGrants",
                    conditions -> conditions.put("kms:GrantIsForAWSResource", "false"));
            if (request.grantId() != null && !GRANT_ID.matcher(request.grantId()).matches()) {
                throw KmsErrors.invalidGrantId(request.grantId());
            }
            Predicate<GrantRecord> filter = grant -> (request.grantId() == null || request.grantId().equals(grant.grantId()))
                    && (request.granteePrincipal() == null || request.granteePrincipal().equals(grant.granteePrincipal()));
            String afterId = afterGrantId.isEmpty() ? "" : KmsSchema.perKeyPrefix(key.keyId()) + afterGrantId;
            GrantPage page = GrantPages.collect(
                    (after, size) -> records.listGrants(tx, key.scope(), Optional.of(key.keyId()), after, size),
                    filter, afterId, limit);
            return new Listed(key.scope(), page);
        });
        ListGrantsResponse.Builder response = ListGrantsResponse.builder()
                .grants(listed.page().grants().stream().map(grant -> GrantPages.toEntry(listed.scope(), grant)).toList())
                .truncated(listed.page().nextAfterId().isPresent());
        listed.page().nextAfterId()
                .ifPresent(next -> response.nextMarker(Markers.encode(next.substring(next.indexOf('/') + 1))));
        return response.build();
    }

    public ListRetirableGrantsResponse listRetirableGrants(Caller caller, ListRetirableGrantsRequest request) {
        Validation.check()
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .requiredText("retiringPrincipal", request.retiringPrincipal(), 1, 256)
                .pattern("retiringPrincipal", request.retiringPrincipal(), GrantCreation.PRINCIPAL_ID)
                .orThrow();
        String afterId = Markers.decode(request.marker());
        int limit = limit(request.limit());
        caller.authorize("kms:ListRetirableGrants", request.retiringPrincipal(), KmsConditions.of(caller).toMap());
        KmsScope scope = KmsScope.of(caller);
        GrantPage page = transactions.read(tx -> {
            Map<String, Boolean> keyExists = new HashMap<>();
            Predicate<GrantRecord> filter = grant -> request.retiringPrincipal().equals(grant.retiringPrincipal())
                    && keyExists.computeIfAbsent(grant.keyId(), keyId -> keyExists(tx, scope, keyId));
            return GrantPages.collect((after, size) -> records.listGrants(tx, scope, Optional.empty(), after, size),
                    filter, afterId, limit);
        });
        ListRetirableGrantsResponse.Builder response = ListRetirableGrantsResponse.builder()
                .grants(page.grants().stream().map(grant -> GrantPages.toEntry(scope, grant)).toList())
                .truncated(page.nextAfterId().isPresent());
        page.nextAfterId().ifPresent(next -> response.nextMarker(Markers.encode(next)));
        return response.build();
    }

    /** A key past its deletion date is gone, and so are its grants, even before the deletion job purges them. */
    private boolean keyExists(ReadTransaction tx, KmsScope scope, String keyId) {
        return records.findKey(tx, scope, keyId).isPresent();
    }

    private static int limit(Integer requested) {
        return Math.min(requested == null ? DEFAULT_LIMIT : requested, MAX_LIMIT);
    }

    private record Listed(KmsScope scope, GrantPage page) {
    }
}
