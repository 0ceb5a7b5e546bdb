package dev.bulwark.kms.internal.siblings;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.kms.KmsService;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.testing.KmsTestKit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class SiblingKmsApiTest {
    private static final byte[] SECRET = "a SecureString value".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> CONTEXT = Map.of("PARAMETER_ARN", "arn:aws:ssm:us-east-1:111122223333:parameter/db");

    private final KmsTestKit kit = new KmsTestKit();
    private final List<CallRecord> records = new ArrayList<>();
    private final KmsService kms = new KmsService(kit.store, kit.jobs, () -> { }, records::add, kit.clock, kit.random);
    private final KmsApi api = kms.api();

    private KeyMetadata customerKey() {
        return new KeyCreation(kit.core).createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    @Test
    void encryptThenDecryptRoundTripsUnderTheCallersKey() {
        KeyMetadata key = customerKey();

        KmsApi.Encrypted encrypted = api.encrypt(kit.caller(), "ssm", key.keyId(), SecretBytes.copyOf(SECRET), CONTEXT);
        KmsApi.Decrypted decrypted = api.decrypt(kit.caller(), "ssm", encrypted.ciphertextBlob(), CONTEXT);

        assertThat(encrypted.keyArn()).isEqualTo(key.arn());
        assertThat(decrypted.keyArn()).isEqualTo(key.arn());
        assertThat(decrypted.plaintext().toByteArray(InsecureSecretAccess.get())).isEqualTo(SECRET);
    }

    @Test
    void theAwsManagedKeyIsCreatedOnFirstUseAndAuthorizedViaTheService() {
        KmsApi.DataKey dataKey = api.generateDataKey(kit.caller(), "secretsmanager", "alias/aws/secretsmanager", CONTEXT);
        KmsApi.Decrypted opened = api.decrypt(kit.caller(), "secretsmanager", dataKey.ciphertextBlob(), CONTEXT);

        assertThat(api.keyArn(kit.caller(), "secretsmanager", "alias/aws/secretsmanager")).isEqualTo(dataKey.keyArn());
        assertThat(dataKey.plaintext().size()).isEqualTo(32);
        assertThat(opened.plaintext().equalsSecretBytes(dataKey.plaintext())).isTrue();
        assertThat(kit.lastAuthorization("kms:GenerateDataKey").principal()).isEqualTo(kit.caller().principal());
        assertThat(kit.lastConditions("kms:GenerateDataKey"))
                .containsEntry("kms:ViaService", List.of("secretsmanager.us-east-1.amazonaws.com"))
                .containsEntry("kms:CallerAccount", List.of(KmsTestKit.ACCOUNT.value()));
        assertThat(kit.lastConditions("kms:Decrypt")).containsEntry("kms:ViaService", List.of("secretsmanager.us-east-1.amazonaws.com"));
        assertThat(kit.lastConditions("kms:DescribeKey")).containsEntry("kms:ViaService", List.of("secretsmanager.us-east-1.amazonaws.com"));
    }

    @Test
    void everyCallIsRecordedAsKmsRecordsACallMadeByTheServiceForTheCaller() {
        KeyMetadata key = customerKey();
        Caller caller = kit.caller();

        KmsApi.Encrypted encrypted = api.encrypt(caller, "ssm", key.keyId(), SecretBytes.copyOf(SECRET), CONTEXT);
        api.decrypt(caller, "ssm", encrypted.ciphertextBlob(), CONTEXT);

        assertThat(records).hasSize(2);
        CallRecord encrypt = records.get(0);
        assertThat(encrypt.eventSource()).isEqualTo("kms.amazonaws.com");
        assertThat(encrypt.eventName()).isEqualTo("Encrypt");
        assertThat(encrypt.requestId()).isEqualTo(caller.requestId());
        assertThat(encrypt.principal()).contains(caller.principal());
        assertThat(encrypt.accessKeyId()).contains(caller.principal().accessKeyId());
        assertThat(encrypt.awsRegion()).isEqualTo("us-east-1");
        assertThat(encrypt.sourceIp()).isEqualTo("ssm.amazonaws.com");
        assertThat(encrypt.userAgent()).isEqualTo("ssm.amazonaws.com");
        assertThat(encrypt.resources()).containsExactly(key.arn());
        assertThat(encrypt.readOnly()).isTrue();
        assertThat(encrypt.succeeded()).isTrue();
        assertThat(encrypt.responseElements()).isEmpty();
        assertThat(encrypt.requestParameters().orElseThrow().toString()).isEqualTo("{\"keyId\":\"" + key.keyId()
                + "\",\"encryptionContext\":{\"PARAMETER_ARN\":\"arn:aws:ssm:us-east-1:111122223333:parameter/db\"},"
                + "\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}");
        CallRecord decrypt = records.get(1);
        assertThat(decrypt.eventName()).isEqualTo("Decrypt");
        assertThat(decrypt.resources()).containsExactly(key.arn());
        String everything = records.toString();
        assertThat(everything).doesNotContain(new String(SECRET, StandardCharsets.UTF_8))
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET))
                .doesNotContain(Base64.getEncoder().encodeToString(encrypted.ciphertextBlob()));
    }

    @Test
    void aFailedCallIsRecordedWithItsErrorAndThrownAsKmsAnswersIt() {
        KeyMetadata key = customerKey();
        byte[] ciphertext = api.encrypt(kit.caller(), "ssm", key.keyId(), SecretBytes.copyOf(SECRET), CONTEXT).ciphertextBlob();
        records.clear();

        assertAwsError(() -> api.decrypt(kit.caller(), "ssm", ciphertext, Map.of("PARAMETER_ARN", "another")),
                "InvalidCiphertextException", null);
        assertAwsError(() -> api.encrypt(kit.caller(), "ssm", "alias/missing", SecretBytes.copyOf(SECRET), Map.of()),
                "NotFoundException", "Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.");
        assertAwsError(() -> api.keyArn(kit.caller(KmsTestKit.OTHER_ACCOUNT, KmsTestKit.REGION), "ssm", key.arn()),
                "AccessDeniedException", "User: arn:aws:iam::444455556666:root is not authorized to perform: kms:DescribeKey "
                        + "on resource: " + key.arn() + " because no resource-based policy allows the kms:DescribeKey action");

        assertThat(records).extracting(CallRecord::eventName).containsExactly("Decrypt", "Encrypt", "DescribeKey");
        assertThat(records).extracting(record -> record.errorCode().orElseThrow())
                .containsExactly("InvalidCiphertextException", "NotFoundException", "AccessDeniedException");
    }
}
