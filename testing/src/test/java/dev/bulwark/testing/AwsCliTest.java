package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI (Debian package awscli), where installed, signing against Bulwark. */
class AwsCliTest {
    private static BulwarkTestServer server;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not installed");
        server = BulwarkTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCliNeedsNothingButTheFilesTheServerWrites() throws Exception {
        AwsCli.Result result = AwsCli.run(List.of("aws", "--output", "json", "sts", "get-caller-identity"), Map.of(
                "AWS_SHARED_CREDENTIALS_FILE", server.credentialsFile().toString(),
                "AWS_CONFIG_FILE", server.dataDir().resolve("config").toString()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"Account\": \"" + BulwarkTestServer.ACCOUNT + "\"");
        assertThat(result.stdout()).contains("arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root");
    }

    @Test
    void theCliIsRefusedWithAWrongSecret() throws Exception {
        String knownKey = server.resolvedAdminCredentials().accessKeyId();
        AwsCli.Result result = aws(Map.of("AWS_ACCESS_KEY_ID", knownKey, "AWS_SECRET_ACCESS_KEY", "wrong"),
                "sts", "get-caller-identity");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("SignatureDoesNotMatch");
    }

    @Test
    void theCliIsRefusedWithAnUnknownKey() throws Exception {
        AwsCli.Result result = aws(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "x"),
                "kms", "list-keys");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("UnrecognizedClientException");
    }

    @Test
    void theCliWritesAndReadsParameters() throws Exception {
        Map<String, String> files = Map.of(
                "AWS_SHARED_CREDENTIALS_FILE", server.credentialsFile().toString(),
                "AWS_CONFIG_FILE", server.dataDir().resolve("config").toString());
        AwsCli.Result put = AwsCli.run(List.of("aws", "--output", "json", "ssm", "put-parameter", "--name", "/cli/param",
                "--value", "from the cli", "--type", "String"), files);
        assertThat(put.exitCode()).as(put.stderr()).isZero();
        assertThat(put.stdout()).contains("\"Version\": 1").contains("\"Tier\": \"Standard\"");

        AwsCli.Result get = AwsCli.run(List.of("aws", "--output", "json", "ssm", "get-parameter", "--name", "/cli/param"), files);
        assertThat(get.exitCode()).as(get.stderr()).isZero();
        assertThat(get.stdout()).contains("\"Value\": \"from the cli\"")
                .contains("\"ARN\": \"arn:aws:ssm:us-east-1:" + BulwarkTestServer.ACCOUNT + ":parameter/cli/param\"");

        AwsCli.Result missing = AwsCli.run(List.of("aws", "ssm", "get-parameter", "--name", "/cli/none"), files);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ParameterNotFound");
    }

    private static AwsCli.Result aws(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        return AwsCli.run(command, env);
    }
}
