package dev.bulwark.secretsmanager.internal.metadata;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.PageTokens;
import dev.bulwark.secretsmanager.internal.SecretFilters;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.SecretViews;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

/**
 * ListSecrets: the region's secrets, filtered, ordered by creation date (ascending unless
 * SortOrder is desc) and paged; secrets marked for deletion only with IncludePlannedDeletion.
 * Answered by scanning the scope's secret records, which is fast at the thousands of secrets an
 * account holds (ADR 0003).
 */
public final class SecretListing {
    private static final int DEFAULT_MAX_RESULTS = 100;

    private final SecretsCore core;

    public SecretListing(SecretsCore core) {
        this.core = core;
    }

    public ListSecretsResponse listSecrets(Caller caller, ListSecretsRequest request) {
        Validation validation = Validation.check()
                .range("maxResults", request.maxResults(), 1, 100)
                .string("nextToken", request.nextToken(), 1, 4096, null)
                .oneOf("sortOrder", request.sortOrderAsString(), List.of("asc", "desc"));
        SecretFilters.check(validation, request.hasFilters() ? request.filters() : List.of()).orThrow();
        core.access().authorizeService(caller, "ListSecrets", Map.of());
        SecretScope scope = new SecretScope(caller.account(), caller.region());
        boolean includeDeleted = Boolean.TRUE.equals(request.includePlannedDeletion());
        Comparator<SecretRecord> order = Comparator.comparing(SecretRecord::createdDate).thenComparing(SecretRecord::name);
        if (request.sortOrder() == SortOrderType.DESC) {
            order = order.reversed();
        }
        List<SecretRecord> secrets = core.store().read(tx -> core.records().all(tx, scope)).stream()
                .filter(secret -> includeDeleted || !secret.isMarkedForDeletion())
                .filter(secret -> !request.hasFilters() || SecretFilters.matches(secret, request.filters()))
                .sorted(order)
                .toList();
        PageTokens.Page<SecretRecord> page = PageTokens.page("secrets:" + request.sortOrderAsString(), secrets, request.nextToken(),
                request.maxResults() == null ? DEFAULT_MAX_RESULTS : request.maxResults());
        return ListSecretsResponse.builder()
                .secretList(page.items().stream().map(SecretViews::listEntry).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
