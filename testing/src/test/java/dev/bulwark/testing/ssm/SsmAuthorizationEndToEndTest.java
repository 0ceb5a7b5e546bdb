package dev.bulwark.testing.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.Tag;

/** IAM policies decide who reads and writes which parameters: by ARN, by path, by tag. */
class SsmAuthorizationEndToEndTest {
    private static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();
    private static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter";
    private static BulwarkTestServer server;
    private static IamClient iam;
    private static SsmClient admin;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
        admin = server.client(SsmClient.builder());
        admin.putParameter(r -> r.name("/team-a/db/host").value("a.internal").type(ParameterType.STRING)
                .tags(Tag.builder().key("team").value("a").build()));
        admin.putParameter(r -> r.name("/team-b/db/host").value("b.internal").type(ParameterType.STRING)
                .tags(Tag.builder().key("team").value("b").build()));
    }

    @AfterAll
    static void stop() {
        iam.close();
        admin.close();
        server.close();
    }

    private static SsmClient newUser(String name, String policy) {
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("parameters").policyDocument(policy));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        return server.client(SsmClient.builder(), credentials);
    }

    private static void assertDenied(Runnable call, String user, String action, String resource) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SsmException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT + ":user/" + user
                    + " is not authorized to perform: " + action + " on resource: " + resource);
        });
    }

    @Test
    void aPolicyOnAPathAllowsThatPathOnly() {
        try (SsmClient reader = newUser("team-a-reader", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Action":["ssm:GetParameter","ssm:GetParametersByPath"],
                 "Resource":["%s/team-a/*","%s/team-a"]}]}""".formatted(ARN_PREFIX, ARN_PREFIX))) {
            assertThat(reader.getParameter(r -> r.name("/team-a/db/host")).parameter().value()).isEqualTo("a.internal");
            assertDenied(() -> reader.getParameter(r -> r.name("/team-b/db/host")), "team-a-reader", "ssm:GetParameter",
                    ARN_PREFIX + "/team-b/db/host");
            // A parameter that does not exist is denied the same way: the caller learns nothing of it.
            assertDenied(() -> reader.getParameter(r -> r.name("/team-b/none")), "team-a-reader", "ssm:GetParameter",
                    ARN_PREFIX + "/team-b/none");
            assertThat(reader.getParametersByPath(r -> r.path("/team-a").recursive(true)).parameters()).hasSize(1);
            assertDenied(() -> reader.putParameter(r -> r.name("/team-a/db/host").value("x").overwrite(true)),
                    "team-a-reader", "ssm:PutParameter", ARN_PREFIX + "/team-a/db/host");
        }
    }

    @Test
    void aPolicyOnResourceTagsFollowsTheParametersTags() {
        try (SsmClient tagged = newUser("team-b-by-tag", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*",
                 "Condition":{"StringEquals":{"ssm:resourceTag/team":"b"}}}]}""")) {
            assertThat(tagged.getParameter(r -> r.name("/team-b/db/host")).parameter().value()).isEqualTo("b.internal");
            assertDenied(() -> tagged.getParameter(r -> r.name("/team-a/db/host")), "team-b-by-tag", "ssm:GetParameter",
                    ARN_PREFIX + "/team-a/db/host");
        }
    }
}
