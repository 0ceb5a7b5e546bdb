package dev.bulwark.auth.sigv4;

import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Credential;
import dev.bulwark.auth.CredentialLookup;
import dev.bulwark.auth.RequestAuthenticator;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 as AWS does, in either form: the {@code Authorization}
 * header or a presigned query string.
 *
 * <p>The checks run in nearly AWS's order, so that a request with several faults mostly gets
 * the error AWS would give: the signature's form ({@code IncompleteSignatureException}); that it
 * covers the host and is scoped to a valid region, the expected service and the signing day;
 * that it is within its time window (15 minutes either side of the server's clock, a presigned
 * URL until its {@code X-Amz-Expires}); that the access key exists
 * ({@code UnrecognizedClientException}); that the signature matches
 * ({@code InvalidSignatureException}); that temporary credentials come with their session token
 * and have not expired. AWS judges the time window before the host and the scope.
 *
 * <p>The body hash is always computed from the body received. {@code X-Amz-Content-Sha256} can
 * only replace it with {@code UNSIGNED-PAYLOAD}, and only where the service allows it (see
 * {@link SigningRules}); any other value the client declares is ignored, so a body can never be
 * swapped under a signature.
 *
 * <p>Signatures are compared in constant time. Neither the secret, the derived keys nor the
 * expected signature ever leave this class: failures say only what AWS says.
 */
public final class SigV4Verifier implements RequestAuthenticator {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    private static final int SIGNING_KEY_CACHE_SIZE = 1024;
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final CredentialLookup credentials;
    private final Clock clock;
    private final SigningKeyCache signingKeys;

    public SigV4Verifier(CredentialLookup credentials, Clock clock) {
        this(credentials, clock, new SigningKeyCache(SIGNING_KEY_CACHE_SIZE));
    }

    SigV4Verifier(CredentialLookup credentials, Clock clock, SigningKeyCache signingKeys) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
    }

    @Override
    public AuthenticatedRequest authenticate(WireRequest request, SigningRules rules) {
        Map<String, List<String>> query = SignedRequest.decodeQuery(request);
        SignedRequest signed = SignedRequest.read(request, query, rules);
        Instant now = clock.instant();
        requireWithinTimeWindow(signed, now);
        Credential credential = credentials.find(signed.accessKeyId())
                .orElseThrow(AuthenticationException::unrecognizedClient);
        requireMatchingSignature(request, query, signed, credential, rules);
        requireSessionToken(signed, credential);
        if (credential.isExpiredAt(now)) {
            throw AuthenticationException.expiredToken();
        }
        return new AuthenticatedRequest(credential.principal(), signed.region(), signed.scopeService(),
                signed.signedAt(), signed.accessKeyId());
    }

    private static void requireWithinTimeWindow(SignedRequest signed, Instant now) {
        Instant latest = now.plus(MAX_CLOCK_SKEW);
        if (signed.signedAt().isAfter(latest)) {
            throw AuthenticationException.invalidSignature("Signature not yet current: " + signed.timestamp()
                    + " is still later than " + SigV4Time.basic(latest) + " (" + SigV4Time.basic(now) + " + 15 min.)");
        }
        // A presigned URL lives for its X-Amz-Expires; anything else for the clock skew allowance.
        Duration lifetime = signed.expiresSeconds().isPresent()
                ? Duration.ofSeconds(signed.expiresSeconds().getAsLong()) : MAX_CLOCK_SKEW;
        Instant earliest = now.minus(lifetime);
        if (signed.signedAt().isBefore(earliest)) {
            String allowance = signed.expiresSeconds().isPresent() ? lifetime.toSeconds() + " sec." : "15 min.";
            throw AuthenticationException.invalidSignature("Signature expired: " + signed.timestamp()
                    + " is now earlier than " + SigV4Time.basic(earliest)
                    + " (" + SigV4Time.basic(now) + " - " + allowance + ")");
        }
    }

    private void requireMatchingSignature(WireRequest request, Map<String, List<String>> query,
            SignedRequest signed, Credential credential, SigningRules rules) {
        String canonicalRequest = CanonicalRequest.of(request, signed, query, payloadHash(request, query, signed, rules));
        String stringToSign = SignedRequest.ALGORITHM + "\n" + signed.timestamp() + "\n" + signed.credentialScope()
                + "\n" + SigV4Crypto.sha256Hex(canonicalRequest);
        byte[] signingKey = signingKeys.signingKey(credential, signed.scopeDate(), signed.scopeRegion(),
                signed.scopeService());
        String expected = SigV4Crypto.hex(SigV4Crypto.hmacSha256(signingKey, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signed.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AuthenticationException.signatureMismatch();
        }
    }

    private static String payloadHash(WireRequest request, Map<String, List<String>> query, SignedRequest signed,
            SigningRules rules) {
        Optional<String> declared = signed.presigned()
                ? Optional.ofNullable(query.get("X-Amz-Content-Sha256")).map(values -> values.get(0))
                : request.header("X-Amz-Content-Sha256");
        if (rules.unsignedPayloadAllowed() && declared.filter(UNSIGNED_PAYLOAD::equals).isPresent()) {
            return UNSIGNED_PAYLOAD;
        }
        return SigV4Crypto.sha256Hex(request.body());
    }

    /** Temporary credentials need their own token; a token with long-term credentials is refused too. */
    private static void requireSessionToken(SignedRequest signed, Credential credential) {
        Optional<SecretBytes> expected = credential.sessionToken();
        Optional<String> presented = signed.securityToken();
        if (expected.isEmpty() && presented.isEmpty()) {
            return;
        }
        boolean matches = expected.isPresent() && presented.isPresent() && expected.get().equalsSecretBytes(
                SecretBytes.copyOf(presented.get().getBytes(StandardCharsets.UTF_8)));
        if (!matches) {
            throw AuthenticationException.invalidSecurityToken();
        }
    }
}
