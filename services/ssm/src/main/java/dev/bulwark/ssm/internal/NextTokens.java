package dev.bulwark.ssm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The NextToken of paged operations: opaque to clients (base64url of the record id the next page
 * starts after). A token that does not decode is AWS's InvalidNextToken. Tokens carry no secret and
 * grant nothing: a listing still runs in the caller's own scope.
 */
public final class NextTokens {
    private static final String VERSION = "1:";

    private NextTokens() {
    }

    public static String encode(String afterId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + afterId).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a listing starts: after the token's id, or from the beginning without a token. */
    public static String decode(String token) {
        if (token == null) {
            return "";
        }
        return Optional.of(token)
                .flatMap(NextTokens::base64)
                .filter(text -> text.startsWith(VERSION) && text.length() > VERSION.length())
                .map(text -> text.substring(VERSION.length()))
                .orElseThrow(SsmErrors::invalidNextToken);
    }

    private static Optional<String> base64(String token) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
