package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.audit.CallRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** SigV4 authentication as the real AWS SDK for Java v2 experiences it, for query and JSON services. */
class StsEndToEndTest {
    private static BulwarkTestServer server;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theBootstrapAdministratorIsTheAccountRoot() {
        try (StsClient sts = server.client(StsClient.builder())) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();

            assertThat(identity.account()).isEqualTo(BulwarkTestServer.ACCOUNT.value());
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root");
            assertThat(identity.userId()).isEqualTo(BulwarkTestServer.ACCOUNT.value());
        }
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureDoesNotMatch() {
        String knownKey = server.resolvedAdminCredentials().accessKeyId();
        try (StsClient sts = server.client(StsClient.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(knownKey, "not-the-secret")))) {
            assertThatThrownBy(sts::getCallerIdentity)
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated");
                    });
        }
    }

    @Test
    void anUnknownAccessKeyIsRefusedWithInvalidClientTokenId() {
        try (StsClient sts = server.client(StsClient.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))) {
            assertThatThrownBy(sts::getCallerIdentity)
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void jsonServicesNameAuthenticationFailuresTheirOwnWay() {
        String knownKey = server.resolvedAdminCredentials().accessKeyId();
        try (KmsClient wrongSecret = server.client(KmsClient.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(knownKey, "not-the-secret")));
             KmsClient unknownKey = server.client(KmsClient.builder(),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))) {
            assertThatThrownBy(wrongSecret::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
            assertThatThrownBy(unknownKey::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void theAuditHookSeesSuccessfulAndRefusedCalls() {
        try (StsClient sts = server.client(StsClient.builder());
             StsClient stranger = server.client(StsClient.builder(),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAI44QH8DHBEXAMPLE", "x")))) {
            String requestId = sts.getCallerIdentity().responseMetadata().requestId();
            assertThatThrownBy(stranger::getCallerIdentity).isInstanceOf(StsException.class);

            CallRecord ok = server.auditRecords().stream()
                    .filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow();
            assertThat(ok.eventSource()).isEqualTo("sts.amazonaws.com");
            assertThat(ok.eventName()).isEqualTo("GetCallerIdentity");
            assertThat(ok.awsRegion()).isEqualTo("us-east-1");
            assertThat(ok.readOnly()).isTrue();
            assertThat(ok.errorCode()).isEmpty();
            assertThat(ok.principal()).hasValueSatisfying(p ->
                    assertThat(p.arn()).isEqualTo("arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root"));

            CallRecord refused = server.auditRecords().stream()
                    .filter(r -> r.accessKeyId().equals(java.util.Optional.of("AKIAI44QH8DHBEXAMPLE")))
                    .findFirst().orElseThrow();
            assertThat(refused.errorCode()).hasValue("InvalidClientTokenId");
            assertThat(refused.principal()).isEmpty();
            assertThat(refused.eventSource()).isEqualTo("sts.amazonaws.com");
        }
    }
}
