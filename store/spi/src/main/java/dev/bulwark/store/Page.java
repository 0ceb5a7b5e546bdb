package dev.bulwark.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing in id order.
 *
 * @param nextAfterId the id to pass as {@code afterId} for the next page; empty on the last page
 */
public record Page(List<StoredRecord> records, Optional<String> nextAfterId) {

    public Page {
        records = List.copyOf(records);
    }
}
