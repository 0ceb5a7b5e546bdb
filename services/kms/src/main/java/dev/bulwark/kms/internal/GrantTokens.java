package dev.bulwark.kms.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Grant tokens: what CreateGrant returns besides the grant id, and what callers pass back in
 * GrantTokens parameters and to RetireGrant.
 *
 * <p>AWS's tokens are opaque, non-secret, variable-length base64 strings, new on every CreateGrant
 * call even when a grant name makes the call return an existing grant id. Bulwark's are base64url
 * (no padding) of
 * <pre>
 *   version (1 byte, 1) || locator length (2 bytes, big-endian) || locator (UTF-8) || nonce (32 random bytes)
 *   locator = account ":" region ":" key id ":" grant id
 * </pre>
 * so that RetireGrant finds the grant from the token alone, and two tokens for one grant differ.
 * A token grants nothing by itself: grants take effect without one here (see {@link KeyGrants}),
 * and whoever retires a grant with it is authorized as with a grant id. A token is valid when it
 * decodes to this form; one that does not is AWS's InvalidGrantTokenException.
 */
public final class GrantTokens {
    /** GrantTokens parameters hold at most this many tokens (the model's GrantTokenList). */
    public static final int MAX_TOKENS = 10;

    private static final byte VERSION = 1;
    private static final int NONCE_LENGTH = 32;
    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");

    /** What a token names: a grant of a key in an account and region. */
    public record Token(KmsScope scope, String keyId, String grantId) {
    }

    private GrantTokens() {
    }

    public static String issue(KmsScope scope, String keyId, String grantId, SecureRandom random) {
        byte[] locator = String.join(":", scope.account().value(), scope.region().name(), keyId, grantId)
                .getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(locator.length >>> 8);
        out.write(locator.length);
        out.writeBytes(locator);
        out.writeBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** What a token names, or InvalidGrantTokenException if it is not a grant token. */
    public static Token read(String token) {
        return decode(token).orElseThrow(KmsErrors::invalidGrantToken);
    }

    /** Checks the tokens of a GrantTokens parameter ({@code null} reads as none): each must be a grant token. */
    public static void check(List<String> tokens) {
        if (tokens != null) {
            tokens.forEach(GrantTokens::read);
        }
    }

    private static Optional<Token> decode(String token) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            if (bytes.remaining() < 3 || bytes.get() != VERSION) {
                return Optional.empty();
            }
            int length = Short.toUnsignedInt(bytes.getShort());
            if (bytes.remaining() != length + NONCE_LENGTH) {
                return Optional.empty();
            }
            byte[] locator = new byte[length];
            bytes.get(locator);
            return parseLocator(new String(locator, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<Token> parseLocator(String locator) {
        String[] parts = locator.split(":", -1);
        if (parts.length != 4 || !AccountId.isValid(parts[0]) || !Region.isValid(parts[1])
                || !KeyReference.KEY_ID.matcher(parts[2]).matches() || !GRANT_ID.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Token(new KmsScope(AccountId.of(parts[0]), Region.of(parts[1])), parts[2], parts[3]));
    }
}
