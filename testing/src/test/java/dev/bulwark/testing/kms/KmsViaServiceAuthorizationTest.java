package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.auth.PolicyAuthorizer;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.Operation;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.jobs.StoredJobs;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.kms.KmsService;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.sqlite.SqliteBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;

/**
 * The policy engine applied to AWS managed keys, whose key policy lets the account use them only
 * through their service ({@code kms:ViaService}): KMS's sibling API passes the condition, a direct
 * call does not. Real KMS, real policy evaluation, real SQLite store.
 */
class KmsViaServiceAuthorizationTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Map<String, String> CONTEXT = Map.of("PARAMETER_ARN", "arn:aws:ssm:us-east-1:111122223333:parameter/p");

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();
    private final List<CallRecord> audit = new ArrayList<>();
    private final PolicyAuthorizer authorizer = new PolicyAuthorizer(principal -> {
        throw new AssertionError("only the account root calls here; it has no identity policies");
    });
    private Store store;
    private KmsService kms;

    @BeforeEach
    void open() {
        store = SealedStore.open(SqliteBackend.open(data), new KeyFileRootKeyProvider(data, random), random, Clock.systemUTC());
        kms = new KmsService(store, new StoredJobs(), () -> { }, audit::add, Clock.systemUTC(), random);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Caller caller() {
        return new Caller(Principal.root(ACCOUNT, "AKIAEXAMPLEEXAMPLE01"), Region.US_EAST_1, "request-" + audit.size(),
                Clock.systemUTC().instant(), "192.0.2.10", "aws-sdk-java", true, authorizer);
    }

    private Object call(String operationName, SdkRequest request) {
        Operation<?, ?> operation = kms.operations().stream().filter(candidate -> candidate.name().equals(operationName))
                .findFirst().orElseThrow();
        return operation.invoke(caller(), request);
    }

    @Test
    void theServiceUsesItsManagedKeyForTheCallerWhileTheCallerCannotDirectly() {
        KmsApi api = kms.api();
        byte[] value = "db password".getBytes(StandardCharsets.UTF_8);

        KmsApi.Encrypted encrypted = api.encrypt(caller(), "ssm", "alias/aws/ssm", SecretBytes.copyOf(value), CONTEXT);
        KmsApi.Decrypted decrypted = api.decrypt(caller(), "ssm", encrypted.ciphertextBlob(), CONTEXT);

        assertThat(decrypted.plaintext().toByteArray(InsecureSecretAccess.get())).isEqualTo(value);
        assertThatThrownBy(() -> call("Encrypt", EncryptRequest.builder().keyId("alias/aws/ssm")
                .plaintext(SdkBytes.fromByteArray(value)).build()))
                .isInstanceOfSatisfying(AwsException.class, denied -> assertThat(denied.code()).isEqualTo("AccessDeniedException"));
        assertThat(((DescribeKeyResponse) call("DescribeKey", DescribeKeyRequest.builder().keyId("alias/aws/ssm").build()))
                .keyMetadata().arn()).as("the account may read its metadata directly").isEqualTo(encrypted.keyArn());
    }

    @Test
    void anotherServiceCannotUseTheKeyOfSsm() {
        KmsApi api = kms.api();
        byte[] ciphertext = api.generateDataKey(caller(), "ssm", "alias/aws/ssm", CONTEXT).ciphertextBlob();

        assertThatThrownBy(() -> api.decrypt(caller(), "secretsmanager", ciphertext, CONTEXT))
                .isInstanceOfSatisfying(AwsException.class, denied -> assertThat(denied.code()).isEqualTo("AccessDeniedException"));
        assertThat(audit.getLast().eventName()).isEqualTo("Decrypt");
        assertThat(audit.getLast().errorCode()).contains("AccessDeniedException");
        assertThat(audit.getLast().sourceIp()).isEqualTo("secretsmanager.amazonaws.com");
    }
}
