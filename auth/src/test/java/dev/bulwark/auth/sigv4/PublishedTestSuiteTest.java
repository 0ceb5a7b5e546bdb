package dev.bulwark.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.InMemoryCredentials;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code get-vanilla} case of AWS's published SigV4 test suite, which pins the canonical
 * request and the signature to AWS's own answer rather than to any SDK's.
 */
class PublishedTestSuiteTest {
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    private final WireRequest getVanilla = new WireRequest("GET", "/", "", Map.of(
            "Host", List.of("example.amazonaws.com"),
            "X-Amz-Date", List.of("20150830T123600Z"),
            "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE)),
            new byte[0], "127.0.0.1", false);

    @Test
    void getVanillaCanonicalRequest() {
        SignedRequest signed = SignedRequest.read(getVanilla, Map.of(), SigningRules.ANY_SERVICE);

        assertThat(CanonicalRequest.of(getVanilla, signed, Map.of(), SigV4Crypto.sha256Hex(new byte[0]))).isEqualTo("""
                GET
                /

                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
    }

    @Test
    void getVanillaSignatureVerifies() {
        InMemoryCredentials credentials = new InMemoryCredentials().add(Credential.longTerm(ACCESS_KEY,
                SecretBytes.copyOf("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8)),
                Principal.root(AccountId.DEFAULT, ACCESS_KEY)));
        SigV4Verifier verifier = new SigV4Verifier(credentials, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

        assertThat(verifier.authenticate(getVanilla, SigningRules.forService("service")).service()).isEqualTo("service");
    }
}
