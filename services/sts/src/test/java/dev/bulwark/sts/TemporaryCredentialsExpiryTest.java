package dev.bulwark.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.SameAccountAuthorizer;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.auth.identity.AccessKeyStore;
import dev.bulwark.auth.sigv4.SigV4Verifier;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.iam.IamRoles;
import dev.bulwark.iam.IamService;
import dev.bulwark.iam.IdentityPolicies;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * Temporary credentials authenticate until their expiry and then get {@code ExpiredToken}:
 * tested on a clock the test moves, with requests signed by the AWS SDK's own signer.
 */
class TemporaryCredentialsExpiryTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Instant ISSUED = Instant.parse("2024-03-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Store store;
    private AwsService iam;
    private AwsService sts;

    @BeforeEach
    void open(@TempDir Path folder) {
        store = SealedStore.open(new InMemoryBackend(), new KeyFileRootKeyProvider(folder, RANDOM), RANDOM,
                Clock.systemUTC());
        Clock issueTime = Clock.fixed(ISSUED, ZoneOffset.UTC);
        iam = new IamService(store, issueTime, RANDOM);
        sts = new StsService(store, IamRoles.over(store), IdentityPolicies.over(store), issueTime, RANDOM);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void assumedRoleCredentialsWorkUntilTheyExpire() {
        CreateUserResponse alice = call(iam, root(), CreateUserRequest.builder().userName("alice").build());
        call(iam, root(), PutUserPolicyRequest.builder().userName("alice").policyName("assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}")
                .build());
        call(iam, root(), CreateRoleRequest.builder().roleName("reader").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
                        + "\"Action\":\"sts:AssumeRole\"}}").build());
        Principal alicePrincipal = new Principal(Principal.Type.IAM_USER, ACCOUNT, alice.user().arn(),
                alice.user().userId(), "AKIAALICEEXAMPLE0000");

        AssumeRoleResponse assumed = call(sts, alicePrincipal, AssumeRoleRequest.builder()
                .roleArn("arn:aws:iam::111122223333:role/reader").roleSessionName("job").durationSeconds(900).build());

        assertThat(assumed.credentials().expiration()).isEqualTo(ISSUED.plus(Duration.ofSeconds(900)));
        AuthenticatedRequest authenticated = verifyAt(assumed.credentials(), ISSUED.plusSeconds(899));
        assertThat(authenticated.principal().type()).isEqualTo(Principal.Type.ASSUMED_ROLE);
        assertThat(authenticated.principal().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/reader/job");
        assertThatThrownBy(() -> verifyAt(assumed.credentials(), ISSUED.plusSeconds(900)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.kind()).isEqualTo(AuthenticationException.Kind.EXPIRED_TOKEN));
    }

    @Test
    void sessionTokensOfTheRootLastAtMostAnHour() {
        GetSessionTokenResponse session = call(sts, root(), GetSessionTokenRequest.builder().durationSeconds(7200).build());

        assertThat(session.credentials().expiration()).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
        assertThat(verifyAt(session.credentials(), ISSUED.plusSeconds(3599)).principal().type())
                .isEqualTo(Principal.Type.ROOT);
        assertThatThrownBy(() -> verifyAt(session.credentials(), ISSUED.plusSeconds(3600)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.kind()).isEqualTo(AuthenticationException.Kind.EXPIRED_TOKEN));
    }

    /** Signs a GetCallerIdentity request at {@code at} and verifies it on a clock showing the same time. */
    private AuthenticatedRequest verifyAt(Credentials credentials, Instant at) {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("localhost")
                .port(4566).encodedPath("/").putHeader("Content-Type", "application/x-www-form-urlencoded").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken()))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        WireRequest wire = new WireRequest("POST", "/", "", signed.headers(), body, "127.0.0.1", false);
        return new SigV4Verifier(new AccessKeyStore(store), Clock.fixed(at, ZoneOffset.UTC))
                .authenticate(wire, SigningRules.forService("sts"));
    }

    private static Principal root() {
        return Principal.root(ACCOUNT, "AKIAROOTEXAMPLE00000");
    }

    @SuppressWarnings("unchecked")
    private static <O extends SdkResponse> O call(AwsService service, Principal principal, SdkRequest request) {
        String name = request.getClass().getSimpleName().replace("Request", "");
        Caller caller = new Caller(principal, Region.US_EAST_1, "request", ISSUED, "127.0.0.1", "test", false,
                new SameAccountAuthorizer());
        return (O) service.operations().stream().filter(operation -> operation.name().equals(name)).findFirst()
                .orElseThrow().invoke(caller, request);
    }
}
