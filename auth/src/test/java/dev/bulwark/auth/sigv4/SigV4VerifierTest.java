package dev.bulwark.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Credential;
import dev.bulwark.auth.InMemoryCredentials;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.crypto.SecretBytes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SigV4VerifierTest {
    private static final Instant NOW = Instant.parse("2024-01-01T00:30:00Z");
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TEMP_ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE";
    private static final String TEMP_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method."
            + " Consult the service documentation for details.";
    private static final byte[] JSON_BODY = "{\"KeyId\":\"alias/app\",\"Plaintext\":\"aGVsbG8=\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final InMemoryCredentials credentials = new InMemoryCredentials()
            .add(Credential.longTerm(ACCESS_KEY, secret(SECRET), Principal.root(ACCOUNT, ACCESS_KEY)))
            .add(Credential.temporary(TEMP_ACCESS_KEY, secret(TEMP_SECRET), assumedRole(TEMP_ACCESS_KEY),
                    secret(SESSION_TOKEN), NOW.plus(Duration.ofHours(1))));
    private final SigningKeyCache signingKeys = new SigningKeyCache(16);
    private final SigV4Verifier verifier =
            new SigV4Verifier(credentials, Clock.fixed(NOW, ZoneOffset.UTC), signingKeys);
    private final SdkSigner sdk =
            new SdkSigner(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET), "kms", "us-east-1", NOW);

    @Test
    void acceptsHeaderSignedJsonPost() {
        AuthenticatedRequest result = verifier.authenticate(sdk.sign(kmsPost(), JSON_BODY),
                SigningRules.forService("kms"));

        assertThat(result.principal()).isEqualTo(Principal.root(ACCOUNT, ACCESS_KEY));
        assertThat(result.region()).isEqualTo(Region.US_EAST_1);
        assertThat(result.service()).isEqualTo("kms");
        assertThat(result.signedAt()).isEqualTo(NOW);
        assertThat(result.accessKeyId()).isEqualTo(ACCESS_KEY);
    }

    @Test
    void acceptsPresignedGet() {
        WireRequest request = sdk.presign(get("/", Map.of("Action", List.of("ListKeys"))), Duration.ofMinutes(5));

        assertThat(request.rawQuery()).contains("X-Amz-Signature=");
        assertThat(verifier.authenticate(request, SigningRules.ANY_SERVICE).principal().account()).isEqualTo(ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/my%20path/%C3%BCnic%C3%B6de/~tilde", "//double//slashes/", "/a/./b/../c",
            "/percent%2Fslash", "/reserved/%21%27%28%29%2A%3A%40", "/trailing/.."})
    void acceptsPathsThatNeedEncodingOrNormalising(String encodedPath) {
        assertThat(verifier.authenticate(sdk.sign(get(encodedPath, Map.of()), new byte[0]), SigningRules.ANY_SERVICE))
                .isNotNull();
        assertThat(verifier.authenticate(sdk.presign(get(encodedPath, Map.of()), Duration.ofMinutes(1)),
                SigningRules.ANY_SERVICE)).isNotNull();
    }

    @Test
    void acceptsQueryStringsThatNeedEncodingWithRepeatedParameters() {
        Map<String, List<String>> query = Map.of(
                "space name", List.of("a value", "another value"),
                "unicode", List.of("ünïcödé ☃"),
                "tilde~", List.of("~x"),
                "equals", List.of("a=b=c", ""),
                "a", List.of("2", "10", "1"),
                "A", List.of("upper"),
                "a-b", List.of("sorts before a?"),
                "plus", List.of("1+1"));

        assertThat(verifier.authenticate(sdk.sign(get("/", query), new byte[0]), SigningRules.ANY_SERVICE)).isNotNull();
        assertThat(verifier.authenticate(sdk.presign(get("/", query), Duration.ofMinutes(1)), SigningRules.ANY_SERVICE))
                .isNotNull();
    }

    @Test
    void wrongSecretIsInvalidSignature() {
        WireRequest request = sdk.as(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET + "x")).sign(kmsPost(), JSON_BODY);

        assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedBodyIsInvalidSignature() {
        WireRequest signed = sdk.sign(kmsPost(), JSON_BODY);
        WireRequest tampered = withBody(signed, "{\"KeyId\":\"alias/other\",\"Plaintext\":\"aGVsbG8=\"}");

        assertRefused(() -> verifier.authenticate(tampered, SigningRules.ANY_SERVICE),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void declaredContentHashCannotStandInForTheBody() {
        WireRequest signed = sdk.sign(kmsPost(), JSON_BODY);
        // The body changes but the declared hash still names the signed one.
        WireRequest tampered = withBody(signed, "{}");

        assertThat(tampered.header("X-Amz-Content-Sha256")).isEqualTo(signed.header("X-Amz-Content-Sha256"));
        assertRefused(() -> verifier.authenticate(tampered, SigningRules.ANY_SERVICE),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedSignedHeaderIsInvalidSignature() {
        WireRequest tampered = withHeader(sdk.sign(kmsPost(), JSON_BODY), "X-Amz-Target", "TrentService.Decrypt");

        assertRefused(() -> verifier.authenticate(tampered, SigningRules.ANY_SERVICE),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedPresignedQueryIsInvalidSignature() {
        WireRequest signed = sdk.presign(get("/", Map.of("Action", List.of("ListKeys"))), Duration.ofMinutes(5));
        WireRequest tampered = withQuery(signed, signed.rawQuery().replace("Action=ListKeys", "Action=DeleteKey"));

        assertRefused(() -> verifier.authenticate(tampered, SigningRules.ANY_SERVICE),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClient() {
        WireRequest request = sdk.as(AwsCredentialsIdentity.create("AKIAUNKNOWN000000000", SECRET))
                .sign(kmsPost(), JSON_BODY);

        assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void twentyMinuteOldSignatureHasExpired() {
        WireRequest request = sdk.at(NOW.minus(Duration.ofMinutes(20))).sign(kmsPost(), JSON_BODY);

        assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "InvalidSignatureException",
                "Signature expired: 20240101T001000Z is now earlier than 20240101T001500Z"
                        + " (20240101T003000Z - 15 min.)");
    }

    @Test
    void signatureFromBeyondTheSkewIsNotYetCurrent() {
        WireRequest request = sdk.at(NOW.plus(Duration.ofMinutes(16))).sign(kmsPost(), JSON_BODY);

        assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "InvalidSignatureException",
                "Signature not yet current: 20240101T004600Z is still later than 20240101T004500Z"
                        + " (20240101T003000Z + 15 min.)");
    }

    @Test
    void signatureWithinTheSkewIsAccepted() {
        assertThat(verifier.authenticate(sdk.at(NOW.minus(Duration.ofMinutes(14))).sign(kmsPost(), JSON_BODY),
                SigningRules.ANY_SERVICE)).isNotNull();
        assertThat(verifier.authenticate(sdk.at(NOW.plus(Duration.ofMinutes(14))).sign(kmsPost(), JSON_BODY),
                SigningRules.ANY_SERVICE)).isNotNull();
    }

    @Test
    void presignedUrlLivesForItsExpiryNotTheSkew() {
        WireRequest request = sdk.at(NOW.minus(Duration.ofMinutes(50))).presign(get("/", Map.of()), Duration.ofHours(1));

        assertThat(verifier.authenticate(request, SigningRules.ANY_SERVICE)).isNotNull();
    }

    @Test
    void presignedUrlPastItsExpiryIsRefused() {
        WireRequest request = sdk.at(NOW.minus(Duration.ofMinutes(6))).presign(get("/", Map.of()), Duration.ofMinutes(5));

        assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "InvalidSignatureException",
                "Signature expired: 20240101T002400Z is now earlier than 20240101T002500Z"
                        + " (20240101T003000Z - 300 sec.)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "604801", "soon"})
    void presignedExpiryOutsideOneSecondToOneWeekIsRefused(String expires) {
        WireRequest signed = sdk.presign(get("/", Map.of()), Duration.ofMinutes(5));
        WireRequest request = withQuery(signed, signed.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires));

        assertThatThrownBy(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE))
                .isInstanceOfSatisfying(AuthenticationException.class, e ->
                        assertThat(e.code()).isEqualTo("IncompleteSignatureException"))
                .hasMessageContaining("X-Amz-Expires");
    }

    @Nested
    class TemporaryCredentials {
        private final SdkSigner temporary = sdk.as(AwsSessionCredentialsIdentity.create(
                TEMP_ACCESS_KEY, TEMP_SECRET, SESSION_TOKEN));

        @Test
        void acceptTheirSessionTokenInTheHeader() {
            WireRequest request = temporary.sign(kmsPost(), JSON_BODY);

            assertThat(request.header("X-Amz-Security-Token")).contains(SESSION_TOKEN);
            assertThat(verifier.authenticate(request, SigningRules.ANY_SERVICE).principal())
                    .isEqualTo(assumedRole(TEMP_ACCESS_KEY));
        }

        @Test
        void acceptTheirSessionTokenInAPresignedUrl() {
            assertThat(verifier.authenticate(temporary.presign(get("/", Map.of()), Duration.ofMinutes(5)),
                    SigningRules.ANY_SERVICE)).isNotNull();
        }

        @Test
        void requireTheSessionToken() {
            WireRequest request = sdk.as(AwsCredentialsIdentity.create(TEMP_ACCESS_KEY, TEMP_SECRET))
                    .sign(kmsPost(), JSON_BODY);

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE),
                    "UnrecognizedClientException", "The security token included in the request is invalid");
        }

        @Test
        void refuseAnotherSessionToken() {
            WireRequest request = sdk.as(AwsSessionCredentialsIdentity.create(TEMP_ACCESS_KEY, TEMP_SECRET,
                    SESSION_TOKEN + "x")).sign(kmsPost(), JSON_BODY);

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE),
                    "UnrecognizedClientException", "The security token included in the request is invalid");
        }

        @Test
        void refuseASessionTokenForLongTermCredentials() {
            WireRequest request = sdk.as(AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET, SESSION_TOKEN))
                    .sign(kmsPost(), JSON_BODY);

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE),
                    "UnrecognizedClientException", "The security token included in the request is invalid");
        }

        @Test
        void expire() {
            Instant later = NOW.plus(Duration.ofHours(2));
            SigV4Verifier laterVerifier = new SigV4Verifier(credentials, Clock.fixed(later, ZoneOffset.UTC));
            WireRequest request = temporary.at(later).sign(kmsPost(), JSON_BODY);

            assertRefused(() -> laterVerifier.authenticate(request, SigningRules.ANY_SERVICE),
                    "ExpiredTokenException", "The security token included in the request is expired");
        }
    }

    @Nested
    class IncompleteAuthorization {
        private static final String SCOPE = "Credential=" + ACCESS_KEY + "/20240101/us-east-1/kms/aws4_request";

        @Test
        void noSignatureAtAllIsMissingAuthenticationToken() {
            WireRequest unsigned = withoutHeader(sdk.sign(kmsPost(), JSON_BODY), "Authorization");

            assertRefused(() -> verifier.authenticate(unsigned, SigningRules.ANY_SERVICE),
                    "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @Test
        void anotherSchemeIsMissingAuthenticationToken() {
            WireRequest request = withHeader(sdk.sign(kmsPost(), JSON_BODY), "Authorization", "Bearer abc");

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE),
                    "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @Test
        void listsEveryMissingPart() {
            WireRequest request = withoutHeader(withHeader(sdk.sign(kmsPost(), JSON_BODY), "Authorization",
                    "AWS4-HMAC-SHA256 " + SCOPE), "X-Amz-Date");

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "IncompleteSignatureException",
                    "Authorization header requires 'Signature' parameter."
                            + " Authorization header requires 'SignedHeaders' parameter."
                            + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        @Test
        void refusesAPairWithoutEqualsSign() {
            WireRequest request = withHeader(sdk.sign(kmsPost(), JSON_BODY), "Authorization",
                    "AWS4-HMAC-SHA256 " + SCOPE + ", SignedHeaders, Signature=abc");

            assertThatThrownBy(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE))
                    .hasMessageStartingWith("Invalid key=value pair (missing equal-sign) in Authorization header")
                    .isInstanceOfSatisfying(AuthenticationException.class, e ->
                            assertThat(e.code()).isEqualTo("IncompleteSignatureException"));
        }

        @Test
        void refusesADateNotInBasicFormat() {
            WireRequest request = withHeader(sdk.sign(kmsPost(), JSON_BODY), "X-Amz-Date", "2024-01-01T00:30:00Z");

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "IncompleteSignatureException",
                    "Date must be in ISO-8601 'basic format'. Got '2024-01-01T00:30:00Z'."
                            + " See http://en.wikipedia.org/wiki/ISO_8601");
        }

        @Test
        void refusesAnotherAlgorithm() {
            WireRequest signed = sdk.sign(kmsPost(), JSON_BODY);
            WireRequest request = withHeader(signed, "Authorization",
                    signed.header("Authorization").orElseThrow().replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"));

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "IncompleteSignatureException",
                    "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now).");
        }

        @Test
        void refusesACredentialWithoutFiveParts() {
            WireRequest request = withHeader(sdk.sign(kmsPost(), JSON_BODY), "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kms, SignedHeaders=host, Signature=abc");

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "IncompleteSignatureException",
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                            + " got 'AKID/20240101/us-east-1/kms'");
        }

        @Test
        void refusesASignatureThatDoesNotCoverTheHost() {
            WireRequest signed = sdk.sign(kmsPost(), JSON_BODY);
            WireRequest request = withHeader(signed, "Authorization",
                    signed.header("Authorization").orElseThrow().replace(";host;", ";"));

            assertRefused(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE), "InvalidSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void listsEveryScopeProblem() {
            WireRequest request = new SdkSigner(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET), "ssm", "mars-1", NOW)
                    .sign(kmsPost(), JSON_BODY);
            WireRequest mangled = withHeader(request, "Authorization", request.header("Authorization").orElseThrow()
                    .replace("/20240101/", "/20231231/").replace("aws4_request", "aws5_request"));

            assertRefused(() -> verifier.authenticate(mangled, SigningRules.forService("kms")),
                    "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not 'mars-1'."
                            + " Credential should be scoped to correct service: 'kms'."
                            + " Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'."
                            + " Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
                            + " HTTP: '20231231' != '20240101', from '20240101T003000Z'.");
        }

        @Test
        void refusesBothHeaderAndPresignedSignatures() {
            WireRequest presigned = sdk.presign(get("/", Map.of()), Duration.ofMinutes(5));
            WireRequest both = withHeader(presigned, "Authorization",
                    sdk.sign(kmsPost(), JSON_BODY).header("Authorization").orElseThrow());

            assertRefused(() -> verifier.authenticate(both, SigningRules.ANY_SERVICE), "InvalidSignatureException",
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }

        @Test
        void listsEveryMissingPresignedParameter() {
            WireRequest request = withQuery(sdk.sign(get("/", Map.of()), new byte[0]),
                    "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T003000Z");
            WireRequest unsigned = withoutHeader(request, "Authorization");

            assertRefused(() -> verifier.authenticate(unsigned, SigningRules.ANY_SERVICE), "IncompleteSignatureException",
                    "AWS query-string parameters must include 'X-Amz-Credential'."
                            + " AWS query-string parameters must include 'X-Amz-Signature'."
                            + " AWS query-string parameters must include 'X-Amz-SignedHeaders'."
                            + " Re-examine the query-string parameters.");
        }
    }

    @Nested
    class UnsignedPayload {
        private WireRequest unsignedPayloadRequest() {
            WireRequest signed = sdk.signWithUnsignedPayload(
                    kmsPost().toBuilder().protocol("https").port(443).build(), JSON_BODY);
            assertThat(signed.header("X-Amz-Content-Sha256")).contains("UNSIGNED-PAYLOAD");
            return signed;
        }

        @Test
        void isRefusedByDefault() {
            assertRefused(() -> verifier.authenticate(unsignedPayloadRequest(), SigningRules.forService("kms")),
                    "InvalidSignatureException", SIGNATURE_MISMATCH);
        }

        @Test
        void isAcceptedWhereTheServiceAllowsIt() {
            SigningRules s3Like = new SigningRules(Optional.of("kms"), true);

            assertThat(verifier.authenticate(unsignedPayloadRequest(), s3Like)).isNotNull();
        }
    }

    @Test
    void queryProtocolGetsQueryCodesAndStatuses() {
        WireRequest request = sdk.as(AwsCredentialsIdentity.create(ACCESS_KEY, "wrong")).sign(kmsPost(), JSON_BODY);

        assertThatThrownBy(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.codeFor(WireProtocol.AWS_QUERY)).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.httpStatusFor(WireProtocol.AWS_QUERY)).isEqualTo(403);
                    assertThat(e.codeFor(WireProtocol.AWS_JSON_1_1)).isEqualTo("InvalidSignatureException");
                    assertThat(e.httpStatusFor(WireProtocol.AWS_JSON_1_1)).isEqualTo(400);
                });
    }

    @Test
    void derivesTheSigningKeyOncePerScope() {
        verifier.authenticate(sdk.sign(kmsPost(), JSON_BODY), SigningRules.ANY_SERVICE);
        verifier.authenticate(sdk.at(NOW.plusSeconds(1)).sign(kmsPost(), JSON_BODY), SigningRules.ANY_SERVICE);
        verifier.authenticate(sdk.presign(get("/", Map.of()), Duration.ofMinutes(1)), SigningRules.ANY_SERVICE);
        assertThat(signingKeys.derivations()).isEqualTo(1);

        verifier.authenticate(new SdkSigner(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET), "kms", "eu-west-1", NOW)
                .sign(kmsPost(), JSON_BODY), SigningRules.ANY_SERVICE);
        assertThat(signingKeys.derivations()).isEqualTo(2);
    }

    @Test
    void cachedSigningKeyIsNotUsedAfterTheSecretChanges() {
        verifier.authenticate(sdk.sign(kmsPost(), JSON_BODY), SigningRules.ANY_SERVICE);
        credentials.add(Credential.longTerm(ACCESS_KEY, secret("rotated"), Principal.root(ACCOUNT, ACCESS_KEY)));

        assertRefused(() -> verifier.authenticate(sdk.sign(kmsPost(), JSON_BODY), SigningRules.ANY_SERVICE),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void failuresNeverMentionTheSecretOrTheSignature() {
        WireRequest request = sdk.as(AwsCredentialsIdentity.create(ACCESS_KEY, "wrong")).sign(kmsPost(), JSON_BODY);
        String sent = request.header("Authorization").orElseThrow();
        String sentSignature = sent.substring(sent.indexOf("Signature=") + "Signature=".length());

        assertThatThrownBy(() -> verifier.authenticate(request, SigningRules.ANY_SERVICE))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, "wrong", sentSignature));
    }

    private static void assertRefused(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    private static SdkHttpRequest kmsPost() {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:4566/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService.Encrypt")
                .build();
    }

    private static SdkHttpRequest get(String encodedPath, Map<String, List<String>> query) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://localhost:4566"))
                .encodedPath(encodedPath);
        query.forEach(builder::putRawQueryParameter);
        return builder.build();
    }

    private static Principal assumedRole(String accessKeyId) {
        return new Principal(Principal.Type.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::111122223333:assumed-role/app/session", "AROAEXAMPLE:session", accessKeyId);
    }

    private static SecretBytes secret(String text) {
        return SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8));
    }

    private static WireRequest withBody(WireRequest request, String body) {
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                body.getBytes(StandardCharsets.UTF_8), request.remoteAddress(), request.secure());
    }

    private static WireRequest withQuery(WireRequest request, String rawQuery) {
        return new WireRequest(request.method(), request.rawPath(), rawQuery, request.headers(), request.body(),
                request.remoteAddress(), request.secure());
    }

    private static WireRequest withHeader(WireRequest request, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(withoutHeader(request, name).headers());
        headers.put(name, List.of(value));
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body(),
                request.remoteAddress(), request.secure());
    }

    private static WireRequest withoutHeader(WireRequest request, String name) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((header, values) -> {
            if (!header.equalsIgnoreCase(name)) {
                headers.put(header, values);
            }
        });
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body(),
                request.remoteAddress(), request.secure());
    }
}
