package dev.bulwark.testing.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** {@code /aws/reference/secretsmanager/NAME}: a Secrets Manager secret read through GetParameter, as in AWS. */
class SecretsManagerReferenceEndToEndTest {
    private static BulwarkTestServer server;
    private static SsmClient ssm;
    private static SecretsManagerClient secrets;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        ssm = server.client(SsmClient.builder());
        secrets = server.client(SecretsManagerClient.builder());
    }

    @AfterAll
    static void stop() {
        ssm.close();
        secrets.close();
        server.close();
    }

    @Test
    void getParameterReadsTheSecretsCurrentAndPreviousValues() {
        String arn = secrets.createSecret(r -> r.name("app/db-password").secretString("first")).arn();
        secrets.putSecretValue(r -> r.secretId("app/db-password").secretString("second"));

        Parameter current = ssm.getParameter(r -> r.name("/aws/reference/secretsmanager/app/db-password")
                .withDecryption(true)).parameter();
        assertThat(current.value()).isEqualTo("second");
        assertThat(current.type().toString()).isEqualTo("SecureString");
        assertThat(current.arn()).isEqualTo(arn);
        assertThat(current.sourceResult()).contains("\"Name\":\"app/db-password\"").doesNotContain("second");

        Parameter previous = ssm.getParameter(r -> r.name("/aws/reference/secretsmanager/app/db-password:AWSPREVIOUS")
                .withDecryption(true)).parameter();
        assertThat(previous.value()).isEqualTo("first");
    }

    @Test
    void aMissingSecretIsAMissingParameter() {
        assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/aws/reference/secretsmanager/nothing-here")
                .withDecryption(true))).isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void readingASecretNeedsWithDecryption() {
        secrets.createSecret(r -> r.name("needs-decryption").secretString("x"));

        assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/aws/reference/secretsmanager/needs-decryption")))
                .isInstanceOf(SsmException.class);
    }
}
