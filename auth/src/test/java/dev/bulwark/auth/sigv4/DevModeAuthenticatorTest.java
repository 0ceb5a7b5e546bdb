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
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.crypto.SecretBytes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class DevModeAuthenticatorTest {
    private static final AccountId DEFAULT_ACCOUNT = AccountId.of("000000000000");
    // Signed long ago: dev mode checks no time window.
    private static final Instant SIGNED_AT = Instant.parse("2020-05-05T10:00:00Z");

    private final DevModeAuthenticator dev = new DevModeAuthenticator(DEFAULT_ACCOUNT);

    @Test
    void wellKnownTestCredentialsActAsTheDefaultAccountRoot() {
        AuthenticatedRequest result = dev.authenticate(signedBy("test", "test", "eu-west-2"), SigningRules.forService("kms"));

        assertThat(result.principal()).isEqualTo(Principal.root(DEFAULT_ACCOUNT, "test"));
        assertThat(result.region()).isEqualTo(Region.of("eu-west-2"));
        assertThat(result.service()).isEqualTo("kms");
        assertThat(result.signedAt()).isEqualTo(SIGNED_AT);
    }

    @Test
    void twelveDigitAccessKeySelectsThatAccount() {
        AuthenticatedRequest result = dev.authenticate(signedBy("123456789012", "anything", "us-east-1"),
                SigningRules.ANY_SERVICE);

        assertThat(result.principal()).isEqualTo(Principal.root(AccountId.of("123456789012"), "123456789012"));
    }

    @Test
    void keysTheServerIssuedActAsTheirOwnPrincipal() {
        Principal alice = new Principal(Principal.Type.IAM_USER, AccountId.of("111122223333"),
                "arn:aws:iam::111122223333:user/alice", "AIDAEXAMPLEEXAMPLE123", "AKIAALICEEXAMPLE0000");
        DevModeAuthenticator withIssuedKeys = new DevModeAuthenticator(DEFAULT_ACCOUNT, new InMemoryCredentials()
                .add(Credential.longTerm("AKIAALICEEXAMPLE0000", SecretBytes.copyOf(new byte[] {1}), alice)));

        AuthenticatedRequest result = withIssuedKeys.authenticate(signedBy("AKIAALICEEXAMPLE0000", "not-checked",
                "us-east-1"), SigningRules.ANY_SERVICE);

        assertThat(result.principal()).isEqualTo(alice);
    }

    @Test
    void presignedRequestsWorkToo() {
        WireRequest request = sdk("test", "x", "us-west-2").presign(SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET).uri(URI.create("http://localhost:4566/")).build(), Duration.ofMinutes(5));

        assertThat(dev.authenticate(request, SigningRules.ANY_SERVICE).region()).isEqualTo(Region.of("us-west-2"));
    }

    @Test
    void unsignedRequestsAreStillRefused() {
        WireRequest unsigned = new WireRequest("POST", "/", "", Map.of("Host", List.of("localhost")), new byte[0],
                "127.0.0.1", false);

        assertThatThrownBy(() -> dev.authenticate(unsigned, SigningRules.ANY_SERVICE))
                .isInstanceOfSatisfying(AuthenticationException.class, e ->
                        assertThat(e.code()).isEqualTo("MissingAuthenticationTokenException"));
    }

    @Test
    void credentialScopeMustStillBeValid() {
        assertThatThrownBy(() -> dev.authenticate(signedBy("test", "test", "us-east-1"), SigningRules.forService("ssm")))
                .isInstanceOfSatisfying(AuthenticationException.class, e ->
                        assertThat(e.code()).isEqualTo("InvalidSignatureException"))
                .hasMessage("Credential should be scoped to correct service: 'ssm'.");
    }

    private static WireRequest signedBy(String accessKeyId, String secret, String region) {
        return sdk(accessKeyId, secret, region).sign(SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:4566/"))
                .putHeader("X-Amz-Target", "TrentService.ListKeys")
                .build(), "{}".getBytes());
    }

    private static SdkSigner sdk(String accessKeyId, String secret, String region) {
        return new SdkSigner(AwsCredentialsIdentity.create(accessKeyId, secret), "kms", region, SIGNED_AT);
    }
}
