package dev.bulwark.secretsmanager.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * NextToken for Secrets Manager's listings: the position of the next item in the listing's order,
 * tagged with the listing it belongs to so that a token from one listing is refused by another.
 * Listings are computed from a snapshot on each call, so an item created or deleted between two
 * pages may shift the rest by one, as AWS's "eventually consistent" listings may.
 */
public final class PageTokens {
    private PageTokens() {
    }

    /** A page of items and the token of the next page, if any. */
    public record Page<T>(List<T> items, String nextToken) {
    }

    public static <T> Page<T> page(String listing, List<T> all, String nextToken, int maxResults) {
        int start = nextToken == null ? 0 : decode(listing, nextToken);
        if (start > all.size()) {
            throw SecretsErrors.invalidNextToken();
        }
        int end = Math.min(all.size(), start + maxResults);
        return new Page<>(all.subList(start, end), end < all.size() ? encode(listing, end) : null);
    }

    private static String encode(String listing, int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((listing + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String listing, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(listing + ":")) {
                throw SecretsErrors.invalidNextToken();
            }
            int position = Integer.parseInt(text.substring(listing.length() + 1));
            if (position < 0) {
                throw SecretsErrors.invalidNextToken();
            }
            return position;
        } catch (IllegalArgumentException malformed) {
            throw SecretsErrors.invalidNextToken();
        }
    }
}
