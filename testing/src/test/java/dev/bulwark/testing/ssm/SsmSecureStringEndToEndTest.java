package dev.bulwark.testing.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** SecureString parameters, encrypted through Bulwark's KMS as the caller, and what the data folder holds. */
class SsmSecureStringEndToEndTest {
    private static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:" + BulwarkTestServer.ACCOUNT + ":parameter";
    private static BulwarkTestServer server;
    private static SsmClient ssm;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        ssm = server.client(SsmClient.builder());
    }

    @AfterAll
    static void stop() {
        ssm.close();
        server.close();
    }

    @Test
    void aSecureStringIsEncryptedUnderTheAwsManagedKeyAndDecryptedOnRequest() {
        ssm.putParameter(request -> request.name("/db/password").value("hunter2-secret").type(ParameterType.SECURE_STRING));

        assertThat(ssm.getParameter(request -> request.name("/db/password").withDecryption(true)).parameter().value())
                .isEqualTo("hunter2-secret");
        assertThat(ssm.getParameter(request -> request.name("/db/password")).parameter().value()).isNotEqualTo("hunter2-secret");
        ParameterMetadata described = ssm.describeParameters(request -> request.parameterFilters(
                filter -> filter.key("Name").values("/db/password"))).parameters().getFirst();
        assertThat(described.keyId()).isEqualTo("alias/aws/ssm");

        List<CallRecord> kmsCalls = server.auditRecords().stream()
                .filter(record -> record.eventSource().equals("kms.amazonaws.com")).toList();
        assertThat(kmsCalls).extracting(CallRecord::eventName).contains("Encrypt", "Decrypt");
        assertThat(server.auditRecords().toString()).doesNotContain("hunter2-secret");
    }

    @Test
    void aSecureStringCanUseACustomerKeyByAlias() {
        try (KmsClient kms = server.client(KmsClient.builder())) {
            String keyId = kms.createKey(request -> request.description("for parameters")).keyMetadata().keyId();
            kms.createAlias(request -> request.aliasName("alias/parameters").targetKeyId(keyId));
        }
        ssm.putParameter(request -> request.name("/custom").value("custom-secret").type(ParameterType.SECURE_STRING)
                .keyId("alias/parameters"));

        assertThat(ssm.getParameter(request -> request.name("/custom").withDecryption(true)).parameter().value())
                .isEqualTo("custom-secret");
        assertThat(ssm.describeParameters(request -> request.parameterFilters(filter -> filter.key("KeyId")
                .values("alias/parameters"))).parameters()).extracting(ParameterMetadata::name).containsExactly("/custom");
        SsmErrors.assertSsmErrorCode(() -> ssm.putParameter(request -> request.name("/nokey").value("v")
                .type(ParameterType.SECURE_STRING).keyId("alias/none")), "InvalidKeyId");
    }

    @Test
    void theDataFolderHoldsNoParameterValueInPlaintext() throws IOException {
        String value = "sealed-at-rest-" + System.nanoTime();
        ssm.putParameter(request -> request.name("/sealed").value(value).type(ParameterType.STRING));
        assertThat(ssm.getParameter(request -> request.name("/sealed")).parameter().arn()).isEqualTo(ARN_PREFIX + "/sealed");

        try (Stream<Path> files = Files.walk(server.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // Latin-1 maps every byte to one char, so this searches the raw bytes (database, WAL, key files).
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(value);
            }
        }
    }
}
