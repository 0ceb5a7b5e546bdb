package dev.bulwark.kms.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Paging markers of the List operations. A marker is opaque to clients (base64url of where the
 * next page starts, in the listing's own id space); a marker that does not decode is AWS's
 * InvalidMarkerException. Markers carry no secret and grant nothing: the listing still runs in
 * the caller's own scope.
 */
public final class Markers {
    private static final String VERSION = "1:";

    private Markers() {
    }

    public static String encode(String afterId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + afterId).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a listing starts: after the marker's id, or from the beginning without one. */
    public static String decode(String marker) {
        if (marker == null) {
            return "";
        }
        return Optional.of(marker)
                .flatMap(Markers::base64)
                .filter(text -> text.startsWith(VERSION) && text.length() > VERSION.length())
                .map(text -> text.substring(VERSION.length()))
                .orElseThrow(KmsErrors::invalidMarker);
    }

    private static Optional<String> base64(String marker) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
