package dev.bulwark.auth.sigv4;

import dev.bulwark.core.wire.WireRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope a request names ({@code AKID/20240101/us-east-1/kms/aws4_request}),
 * read leniently and trusted for nothing: the gateway uses it to route a request to the
 * service it was signed for, and the audit trail to name the access key of a refused call.
 * Whether the scope is well formed and the signature right is {@link SigV4Verifier}'s job.
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {
    private static final Pattern HEADER_CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");

    /** The scope named by the Authorization header or the presigned query, if any can be read. */
    public static Optional<CredentialScope> peek(WireRequest request) {
        Optional<String> credential = request.header("Authorization").flatMap(CredentialScope::fromHeader);
        if (credential.isEmpty() && request.rawQuery().contains("X-Amz-Credential")) {
            try {
                credential = Optional.ofNullable(request.queryParameters().get("X-Amz-Credential"))
                        .map(values -> values.get(0));
            } catch (IllegalArgumentException malformedQuery) {
                credential = Optional.empty();
            }
        }
        return credential.flatMap(CredentialScope::parse);
    }

    private static Optional<String> fromHeader(String authorization) {
        Matcher matcher = HEADER_CREDENTIAL.matcher(authorization);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<CredentialScope> parse(String credential) {
        List<String> parts = List.of(credential.split("/", -1));
        if (parts.size() != 5 || parts.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(parts.get(0), parts.get(1), parts.get(2), parts.get(3)));
    }
}
