package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/** --dev: drop-in local use with the well-known test credentials, as LocalStack users expect. */
class DevModeTest {
    private static BulwarkTestServer server;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.startDevMode();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String accountSeenWith(String accessKeyId) {
        try (StsClient sts = server.client(StsClient.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "anything")))) {
            return sts.getCallerIdentity().account();
        }
    }

    @Test
    void testCredentialsSelectTheDefaultAccount() {
        assertThat(accountSeenWith("test")).isEqualTo(BulwarkTestServer.ACCOUNT.value());
    }

    @Test
    void aTwelveDigitAccessKeyIdSelectsThatAccount() {
        assertThat(accountSeenWith("444455556666")).isEqualTo("444455556666");
    }
}
