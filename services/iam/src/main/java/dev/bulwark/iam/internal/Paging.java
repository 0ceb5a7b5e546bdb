package dev.bulwark.iam.internal;

import dev.bulwark.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * IAM's paging: {@code MaxItems} (default 100) and an opaque {@code Marker} that continues a
 * listing after the last item returned. The marker is the base64url form of that item's sort
 * key, so a listing continues correctly even when items were added or deleted in between.
 *
 * @param afterKey the sort key to continue after; empty for the first page
 */
record Paging(Optional<String> afterKey, int maxItems) {
    static final int DEFAULT_MAX_ITEMS = 100;

    /** One page of a listing and how to continue it. */
    record Result<T>(List<T> items, boolean truncated, Optional<String> marker) {
    }

    static Paging of(String marker, Integer maxItems) {
        return new Paging(Optional.ofNullable(marker).map(Paging::decode), maxItems == null ? DEFAULT_MAX_ITEMS : maxItems);
    }

    /** Pages through items already sorted by {@code keyOf}. */
    <T> Result<T> page(List<T> sorted, Function<T, String> keyOf) {
        List<T> items = new ArrayList<>();
        for (T item : sorted) {
            if (afterKey.isPresent() && keyOf.apply(item).compareTo(afterKey.get()) <= 0) {
                continue;
            }
            if (items.size() == maxItems) {
                return truncated(items, keyOf.apply(items.get(items.size() - 1)));
            }
            items.add(item);
        }
        return complete(items);
    }

    static <T> Result<T> complete(List<T> items) {
        return new Result<>(items, false, Optional.empty());
    }

    static <T> Result<T> truncated(List<T> items, String lastKey) {
        return new Result<>(items, true, Optional.of(encode(lastKey)));
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("ValidationError", "Invalid Marker: " + marker);
        }
    }
}
