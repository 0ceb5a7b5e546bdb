package dev.bulwark.kms.internal.grants;

import dev.bulwark.kms.internal.GrantRecord;
import dev.bulwark.kms.internal.KmsRecords.Listing;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;

/**
 * Pages of grants for ListGrants and ListRetirableGrants: the stored grants that pass a filter, in
 * record id order ({@code keyId/grantId}), read from the store until a page is full and one more
 * grant is known to pass, so {@code Truncated} is true only when the next page holds grants.
 */
final class GrantPages {

    /** @param nextAfterId the record id the next page starts after; empty on the last page */
    record GrantPage(List<GrantRecord> grants, Optional<String> nextAfterId) {
    }

    private GrantPages() {
    }

    /** @param read reads one page of stored grants after a record id, at most so many */
    static GrantPage collect(BiFunction<String, Integer, Listing<GrantRecord>> read, Predicate<GrantRecord> filter,
            String afterId, int limit) {
        List<GrantRecord> found = new ArrayList<>();
        String cursor = afterId;
        while (true) {
            Listing<GrantRecord> page = read.apply(cursor, limit);
            for (GrantRecord grant : page.items()) {
                if (filter.test(grant)) {
                    if (found.size() == limit) {
                        // A further grant passes: the page is full and there is a next one.
                        return new GrantPage(found, Optional.of(recordId(found.getLast())));
                    }
                    found.add(grant);
                }
            }
            if (page.nextAfterId().isEmpty()) {
                return new GrantPage(found, Optional.empty());
            }
            cursor = page.nextAfterId().get();
        }
    }

    static String recordId(GrantRecord grant) {
        return KmsSchema.perKeyPrefix(grant.keyId()) + grant.grantId();
    }

    /** A grant as ListGrants and ListRetirableGrants show it; a grant without a name shows an empty one, as AWS's do. */
    static GrantListEntry toEntry(KmsScope scope, GrantRecord grant) {
        GrantListEntry.Builder entry = GrantListEntry.builder()
                .keyId(scope.keyArn(grant.keyId()))
                .grantId(grant.grantId())
                .name(grant.name() == null ? "" : grant.name())
                .creationDate(grant.creationDate())
                .granteePrincipal(grant.granteePrincipal())
                .retiringPrincipal(grant.retiringPrincipal())
                .issuingAccount(grant.issuingAccount())
                .operationsWithStrings(grant.operations());
        if (grant.constrained()) {
            entry.constraints(GrantConstraints.builder()
                    .encryptionContextEquals(grant.encryptionContextEquals())
                    .encryptionContextSubset(grant.encryptionContextSubset())
                    .build());
        }
        return entry.build();
    }
}
