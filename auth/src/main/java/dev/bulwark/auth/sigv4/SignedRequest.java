package dev.bulwark.auth.sigv4;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.Region;
import dev.bulwark.core.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a request claims about its signature, read from the {@code Authorization} header or from
 * the presigned query parameters, before anything is checked against a secret.
 *
 * <p>Parsing refuses what AWS refuses before it looks at a key, with AWS's codes and words: no
 * signature at all ({@code MissingAuthenticationTokenException}), missing or malformed parts
 * ({@code IncompleteSignatureException}). The checks that need no secret but judge the claim,
 * such as the credential scope and the signed headers, are separate methods so that the dev mode
 * authenticator applies them too.
 *
 * <p>AWS ends its "requires ... parameter" messages with the whole Authorization header; these
 * messages leave it out, so that a signature never reaches an error message or an audit record.
 *
 * @param presigned      whether the signature came in the query string
 * @param credential     the raw {@code Credential} value, {@code AKID/date/region/service/aws4_request}
 * @param signedHeaders  the raw {@code SignedHeaders} value, {@code host;x-amz-date}
 * @param timestamp      the signing time exactly as sent, in the basic ISO 8601 format
 * @param expiresSeconds the presigned URL's lifetime, when it gives one
 * @param securityToken  the session token the request presents, for temporary credentials
 */
record SignedRequest(
        boolean presigned,
        String accessKeyId,
        String scopeDate,
        String scopeRegion,
        String scopeService,
        String scopeTerminator,
        String credential,
        String signedHeaders,
        String signature,
        Instant signedAt,
        String timestamp,
        OptionalLong expiresSeconds,
        Optional<String> securityToken) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";
    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";
    private static final long MAX_PRESIGN_SECONDS = 604_800;
    private static final List<String> PRESIGN_PARAMETERS = List.of(
            "X-Amz-Algorithm", "X-Amz-Credential", SIGNATURE_PARAMETER, "X-Amz-SignedHeaders", "X-Amz-Date");

    /**
     * Reads the signature a request claims and checks what can be checked without a secret: its
     * form, that it covers the host, and its credential scope.
     *
     * @param query the request's decoded query parameters, see {@link #decodeQuery}
     */
    static SignedRequest read(WireRequest request, Map<String, List<String>> query, SigningRules rules) {
        SignedRequest signed = parse(request, query);
        signed.requireHostSigned();
        signed.requireValidScope(rules);
        return signed;
    }

    /**
     * The request's query parameters, decoded once for both reading the signature and
     * canonicalising. A query that cannot be decoded cannot have been signed as sent.
     */
    static Map<String, List<String>> decodeQuery(WireRequest request) {
        try {
            return request.queryParameters();
        } catch (IllegalArgumentException malformedEscape) {
            throw AuthenticationException.signatureMismatch();
        }
    }

    private static SignedRequest parse(WireRequest request, Map<String, List<String>> query) {
        Optional<String> authorization = request.header("Authorization");
        boolean presigned = query.containsKey("X-Amz-Algorithm");
        if (authorization.isPresent() && presigned) {
            throw AuthenticationException.invalidSignature("Found both 'X-Amz-Algorithm' as a query-string param"
                    + " and 'Authorization' as HTTP header.");
        }
        if (presigned) {
            return fromQuery(query);
        }
        if (authorization.isEmpty() || !authorization.get().trim().startsWith("AWS4-")) {
            throw AuthenticationException.missingAuthenticationToken();
        }
        return fromHeader(authorization.get().trim(), request);
    }

    private static SignedRequest fromHeader(String authorization, WireRequest request) {
        String[] words = authorization.split("[\\s,]+");
        String algorithm = words[0];
        Map<String, String> parameters = new HashMap<>();
        for (String word : Arrays.asList(words).subList(1, words.length)) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw AuthenticationException.incompleteSignature("Invalid key=value pair (missing equal-sign) in"
                        + " Authorization header (hashed with SHA-256 and encoded with Base64): '"
                        + sha256Base64(authorization) + "'.");
            }
            parameters.put(word.substring(0, eq), word.substring(eq + 1));
        }
        Optional<String> amzDate = request.header("X-Amz-Date");
        Optional<String> date = request.header("Date");
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parameters.getOrDefault(name, "").isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (amzDate.isEmpty() && date.isEmpty()) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw AuthenticationException.incompleteSignature(missing.toString().trim());
        }
        Instant signedAt = amzDate.map(SigV4Time::parseBasic)
                .orElseGet(() -> SigV4Time.parseDateHeader(date.orElseThrow()));
        requireAlgorithm(algorithm);
        return build(false, parameters.get("Credential"), parameters.get("SignedHeaders"),
                parameters.get("Signature"), signedAt, OptionalLong.empty(), request.header("X-Amz-Security-Token"));
    }

    private static SignedRequest fromQuery(Map<String, List<String>> query) {
        StringBuilder missing = new StringBuilder();
        for (String name : PRESIGN_PARAMETERS) {
            if (first(query, name).isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (!missing.isEmpty()) {
            throw AuthenticationException.incompleteSignature(missing + "Re-examine the query-string parameters.");
        }
        Instant signedAt = SigV4Time.parseBasic(first(query, "X-Amz-Date").orElseThrow());
        requireAlgorithm(first(query, "X-Amz-Algorithm").orElseThrow());
        OptionalLong expires = first(query, "X-Amz-Expires")
                .map(SignedRequest::parseExpires).orElse(OptionalLong.empty());
        return build(true, first(query, "X-Amz-Credential").orElseThrow(),
                first(query, "X-Amz-SignedHeaders").orElseThrow(), first(query, SIGNATURE_PARAMETER).orElseThrow(),
                signedAt, expires, first(query, "X-Amz-Security-Token"));
    }

    private static SignedRequest build(boolean presigned, String credential, String signedHeaders, String signature,
            Instant signedAt, OptionalLong expires, Optional<String> securityToken) {
        // AWS ignores trailing slashes here, which String.split drops.
        String[] scope = credential.split("/");
        if (scope.length != 5) {
            throw AuthenticationException.incompleteSignature("Credential must have exactly 5 slash-delimited"
                    + " elements, e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        return new SignedRequest(presigned, scope[0], scope[1], scope[2], scope[3], scope[4], credential,
                signedHeaders, signature, signedAt, SigV4Time.basic(signedAt), expires, securityToken);
    }

    private static void requireAlgorithm(String algorithm) {
        if (!ALGORITHM.equals(algorithm)) {
            throw AuthenticationException.incompleteSignature(
                    "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now).");
        }
    }

    private static OptionalLong parseExpires(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AuthenticationException.incompleteSignature("X-Amz-Expires should be a number");
        }
        if (seconds < 1) {
            throw AuthenticationException.incompleteSignature(seconds < 0
                    ? "X-Amz-Expires must be non-negative" : "X-Amz-Expires must be greater than 0");
        }
        if (seconds > MAX_PRESIGN_SECONDS) {
            throw AuthenticationException.incompleteSignature("X-Amz-Expires must be less than a week (in seconds)"
                    + " that is; the given X-Amz-Expires must be less than 604800 seconds");
        }
        return OptionalLong.of(seconds);
    }

    /** The signed header names, lower case, in the order the signature lists them. */
    List<String> signedHeaderNames() {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** AWS refuses signatures that do not cover the host, so they cannot be replayed elsewhere. */
    private void requireHostSigned() {
        List<String> names = signedHeaderNames();
        if (!names.contains("host") && !names.contains(":authority")) {
            throw AuthenticationException.invalidSignature(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    /** Checks the credential scope against the request's date and the service's rules. */
    private void requireValidScope(SigningRules rules) {
        StringBuilder problems = new StringBuilder();
        if (!Region.isValid(scopeRegion)) {
            problems.append("Credential should be scoped to a valid region, not '").append(scopeRegion).append("'. ");
        }
        rules.signingName().filter(expected -> !expected.equals(scopeService)).ifPresent(expected ->
                problems.append("Credential should be scoped to correct service: '").append(expected).append("'. "));
        if (!TERMINATOR.equals(scopeTerminator)) {
            problems.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
                    .append(scopeTerminator).append("'. ");
        }
        String day = SigV4Time.day(signedAt);
        if (!day.equals(scopeDate)) {
            problems.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(scopeDate).append("' != '").append(day).append("', from '").append(timestamp).append("'.");
        }
        if (!problems.isEmpty()) {
            throw AuthenticationException.invalidSignature(problems.toString().trim());
        }
    }

    /** {@code date/region/service/aws4_request}, as the string to sign names it. */
    String credentialScope() {
        return scopeDate + "/" + scopeRegion + "/" + scopeService + "/" + scopeTerminator;
    }

    Region region() {
        return Region.of(scopeRegion);
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(SigV4Crypto.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Leaves out the signature and the session token, which authenticate whoever holds them. */
    @Override
    public String toString() {
        return "SignedRequest[" + (presigned ? "presigned" : "header") + ", credential=" + credential
                + ", signedHeaders=" + signedHeaders + ", signedAt=" + timestamp + "]";
    }
}
