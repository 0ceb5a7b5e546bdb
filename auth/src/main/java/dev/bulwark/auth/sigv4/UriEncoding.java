package dev.bulwark.auth.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * SigV4's percent-encoding: every UTF-8 byte except the RFC 3986 unreserved characters
 * ({@code A-Z a-z 0-9 - _ . ~}) becomes {@code %XX} with upper-case hex. Unlike form encoding,
 * a space is {@code %20}, never {@code +}.
 */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static String encode(String text) {
        return encode(text, false);
    }

    /** Encodes a path, leaving its {@code /} separators as they are. */
    static String encodePath(String path) {
        return encode(path, true);
    }

    private static String encode(String text, boolean keepSlashes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || (keepSlashes && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
