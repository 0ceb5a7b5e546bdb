package dev.bulwark.auth.sigv4;

import dev.bulwark.core.wire.WireRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The canonical form of a request that SigV4 signs, built as AWS builds it for every service
 * but S3:
 *
 * <pre>
 * METHOD
 * canonical URI      the path as sent, dot segments and empty segments removed, then
 *                    percent-encoded once more (so {@code %20} becomes {@code %2520})
 * canonical query    each name and value decoded, then SigV4-encoded, sorted by encoded name
 *                    then value; the presigned signature itself left out
 * canonical headers  the signed headers, lower-case names, values trimmed with inner runs of
 *                    whitespace collapsed, repeated headers joined by commas
 * signed headers     as the signature lists them
 * payload hash
 * </pre>
 *
 * <p>The query is decoded as a form ({@code +} is a space), the same way the protocol layer
 * reads it, so that what the signature covers is what the service acts on. The path is
 * normalised as the AWS SDK for Java normalises it ({@link java.net.URI#normalize()}: a
 * {@code ..} with nothing left to remove stays), so its signatures verify.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    static String of(WireRequest request, SignedRequest signed, Map<String, List<String>> query, String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(request.method()).append('\n');
        out.append(canonicalUri(request.rawPath())).append('\n');
        out.append(canonicalQuery(query, signed.presigned())).append('\n');
        for (String name : signed.signedHeaderNames()) {
            out.append(name).append(':').append(canonicalHeaderValue(request, name)).append('\n');
        }
        out.append('\n');
        out.append(signed.signedHeaders()).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    static String canonicalUri(String rawPath) {
        return UriEncoding.encodePath(normalizePath(rawPath));
    }

    private static String normalizePath(String rawPath) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = rawPath.split("/", -1);
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            trailingSlash = last && (segment.isEmpty() || segment.equals("."));
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !kept.isEmpty() && !kept.peekLast().equals("..")) {
                kept.removeLast();
                trailingSlash = last;
            } else {
                kept.addLast(segment);
            }
        }
        if (kept.isEmpty()) {
            return "/";
        }
        return "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
    }

    private static String canonicalQuery(Map<String, List<String>> query, boolean presigned) {
        List<String[]> pairs = new ArrayList<>();
        query.forEach((name, values) -> {
            if (presigned && name.equals(SignedRequest.SIGNATURE_PARAMETER)) {
                return;
            }
            String encodedName = UriEncoding.encode(name);
            for (String value : values) {
                pairs.add(new String[] {encodedName, UriEncoding.encode(value)});
            }
        });
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringJoiner joined = new StringJoiner("&");
        pairs.forEach(pair -> joined.add(pair[0] + "=" + pair[1]));
        return joined.toString();
    }

    private static String canonicalHeaderValue(WireRequest request, String name) {
        List<String> values = request.headers().getOrDefault(name, List.of());
        StringJoiner joined = new StringJoiner(",");
        for (String value : values) {
            joined.add(value.trim().replaceAll("\\s+", " "));
        }
        return joined.toString();
    }
}
