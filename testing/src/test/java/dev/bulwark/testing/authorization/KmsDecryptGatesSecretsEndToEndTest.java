package dev.bulwark.testing.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reading a SecureString or a secret value is a KMS Decrypt made as the caller: an IAM user allowed
 * {@code ssm:GetParameter} and {@code secretsmanager:GetSecretValue} but not {@code kms:Decrypt}
 * cannot read them, until a grant on the key lets them decrypt. The values never reach the data
 * folder in plaintext.
 *
 * <p>The refusals are the ones AWS gives: Parameter Store passes KMS's AccessDeniedException
 * through with KMS's message; Secrets Manager answers AccessDeniedException
 * "Access to KMS is not allowed".
 */
class KmsDecryptGatesSecretsEndToEndTest {
    private static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();
    private static final String USER = "app-reader";
    private static final String PARAMETER_VALUE = "parameter-plaintext-" + System.nanoTime();
    private static final String SECRET_VALUE = "secret-plaintext-" + System.nanoTime();
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
    void aSecureStringAndASecretNeedKmsDecryptOnTheirKeyWhichAGrantGives() throws IOException {
        try (KmsClient kms = server.client(KmsClient.builder());
                SsmClient adminSsm = server.client(SsmClient.builder());
                SecretsManagerClient adminSecrets = server.client(SecretsManagerClient.builder());
                IamClient iam = server.client(IamClient.builder())) {
            String keyArn = kms.createKey(request -> request.description("app secrets")).keyMetadata().arn();
            adminSsm.putParameter(request -> request.name("/app/db-password").value(PARAMETER_VALUE)
                    .type(ParameterType.SECURE_STRING).keyId(keyArn));
            adminSecrets.createSecret(request -> request.name("app/api-token").secretString(SECRET_VALUE).kmsKeyId(keyArn));

            iam.createUser(request -> request.userName(USER));
            iam.putUserPolicy(request -> request.userName(USER).policyName("read-without-kms").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Action":["ssm:GetParameter","secretsmanager:GetSecretValue"],"Resource":"*"}]}"""));
            AccessKey key = iam.createAccessKey(request -> request.userName(USER)).accessKey();
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));

            try (SsmClient ssm = server.client(SsmClient.builder(), credentials);
                    SecretsManagerClient secrets = server.client(SecretsManagerClient.builder(), credentials)) {
                ThrowingCallable readParameter = () -> ssm.getParameter(request -> request.name("/app/db-password").withDecryption(true));
                ThrowingCallable readSecret = () -> secrets.getSecretValue(request -> request.secretId("app/api-token"));

                assertDenied(readParameter, "User: arn:aws:iam::" + ACCOUNT + ":user/" + USER
                        + " is not authorized to perform: kms:Decrypt on resource: " + keyArn);
                assertDenied(readSecret, "Access to KMS is not allowed");
                assertThat(server.auditRecords()).as("KMS's own reason is in the audit trail")
                        .filteredOn(record -> record.eventSource().equals("kms.amazonaws.com") && record.eventName().equals("Decrypt")
                                && record.errorCode().filter("AccessDeniedException"::equals).isPresent())
                        .hasSize(2);
                assertThat(ssm.getParameter(request -> request.name("/app/db-password")).parameter().value())
                        .as("without decryption the caller sees the ciphertext only").isNotEqualTo(PARAMETER_VALUE);

                kms.createGrant(request -> request.keyId(keyArn).granteePrincipal("arn:aws:iam::" + ACCOUNT + ":user/" + USER)
                        .operations(GrantOperation.DECRYPT));

                assertThat(ssm.getParameter(request -> request.name("/app/db-password").withDecryption(true)).parameter().value())
                        .isEqualTo(PARAMETER_VALUE);
                assertThat(secrets.getSecretValue(request -> request.secretId("app/api-token")).secretString()).isEqualTo(SECRET_VALUE);
            }
        }
        assertTheDataFolderHoldsNeitherValue();
    }

    private static void assertDenied(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, denied -> {
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(denied.awsErrorDetails().errorMessage()).startsWith(messageStart);
        });
    }

    private static void assertTheDataFolderHoldsNeitherValue() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(server.dataDir())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("bulwark.db");
        for (Path file : files) {
            // Latin-1 maps every byte to one char, so this searches the raw bytes (database, WAL, key files).
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain(PARAMETER_VALUE).doesNotContain(SECRET_VALUE);
        }
    }
}
