package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Two accounts on one server: the second account's root uses the first account's key by its ARN
 * once the key policy names the second account, and not before; an unknown key ARN of the first
 * account is refused the same way, and the key's management stays with its own account.
 */
class KmsCrossAccountEndToEndTest {
    private static final AccountId OTHER = AccountId.of("444455556666");
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("shared across accounts");

    @TempDir
    static Path dataDir;

    private static BulwarkTestServer server;
    private static KmsClient owner;
    private static KmsClient other;

    @BeforeAll
    static void start() {
        StaticCredentialsProvider otherRoot;
        try (BulwarkTestServer first = BulwarkTestServer.startOn(dataDir, OTHER)) {
            otherRoot = StaticCredentialsProvider.create(first.resolvedAdminCredentials());
        }
        server = BulwarkTestServer.startOn(dataDir);
        owner = server.client(KmsClient.builder());
        other = server.client(KmsClient.builder(), otherRoot);
    }

    @AfterAll
    static void stop() {
        owner.close();
        other.close();
        server.close();
    }

    private static String denied(String action, String resource) {
        return "User: arn:aws:iam::" + OTHER + ":root is not authorized to perform: " + action + " on resource: "
                + resource + " because no resource-based policy allows the " + action + " action";
    }

    private static String policyAlsoAllowing(String principal) {
        return """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                   "Action":"kms:*","Resource":"*"},
                  {"Sid":"Allow use of the key","Effect":"Allow","Principal":{"AWS":"%s"},
                   "Action":["kms:Encrypt","kms:Decrypt","kms:DescribeKey","kms:GenerateDataKey*"],"Resource":"*"}]}"""
                .formatted(BulwarkTestServer.ACCOUNT, principal);
    }

    @Test
    void theOtherAccountMayUseTheKeyOnlyOnceTheKeyPolicyNamesIt() {
        KeyMetadata key = owner.createKey(request -> request.description("shared")).keyMetadata();
        assertKmsError(() -> other.encrypt(request -> request.keyId(key.arn()).plaintext(MESSAGE)),
                "AccessDeniedException", denied("kms:Encrypt", key.arn()));

        owner.putKeyPolicy(request -> request.keyId(key.keyId()).policyName("default")
                .policy(policyAlsoAllowing("arn:aws:iam::" + OTHER + ":root")));

        SdkBytes ciphertext = other.encrypt(request -> request.keyId(key.arn()).plaintext(MESSAGE)).ciphertextBlob();
        assertThat(other.decrypt(request -> request.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(MESSAGE);
        assertThat(owner.decrypt(request -> request.ciphertextBlob(ciphertext)).keyId()).isEqualTo(key.arn());
        assertThat(other.describeKey(request -> request.keyId(key.arn())).keyMetadata().awsAccountId())
                .isEqualTo(BulwarkTestServer.ACCOUNT.value());
        assertThat(other.generateDataKey(request -> request.keyId(key.arn()).keySpec("AES_256")).keyId())
                .isEqualTo(key.arn());
    }

    @Test
    void anUnknownKeyOfTheOtherAccountIsRefusedAsAKeyTheCallerMayNotUse() {
        String unknown = "arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":key/0b2e6a4c-1d3f-4e5a-8b7c-9d0e1f2a3b4c";

        assertKmsError(() -> other.describeKey(request -> request.keyId(unknown)),
                "AccessDeniedException", denied("kms:DescribeKey", unknown));
    }

    @Test
    void managementAndAliasesStayWithTheKeysAccount() {
        KeyMetadata key = owner.createKey(request -> request.description("managed at home")).keyMetadata();
        owner.putKeyPolicy(request -> request.keyId(key.keyId()).policyName("default")
                .policy(policyAlsoAllowing("arn:aws:iam::" + OTHER + ":root")));
        owner.createAlias(request -> request.aliasName("alias/shared-home").targetKeyId(key.keyId()));
        String aliasArn = "arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":alias/shared-home";

        assertKmsError(() -> other.disableKey(request -> request.keyId(key.arn())),
                "AccessDeniedException", denied("kms:DisableKey", key.arn()));
        assertKmsError(() -> other.encrypt(request -> request.keyId(aliasArn).plaintext(MESSAGE)),
                "AccessDeniedException", denied("kms:Encrypt", aliasArn));
    }
}
