package dev.bulwark.testing.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * One policy engine on every request: a new IAM user can do nothing until a policy allows it,
 * explicit denies win, and a KMS key policy that does not delegate to IAM overrides IAM.
 */
class PolicyEnforcementEndToEndTest {
    private static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();
    private static BulwarkTestServer server;
    private static IamClient iam;
    private static KmsClient admin;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
        admin = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        iam.close();
        admin.close();
        server.close();
    }

    private static AwsCredentialsProvider newUser(String name) {
        iam.createUser(r -> r.userName(name));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    private static void assertDenied(Runnable call, String action, String userName) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT + ":user/"
                    + userName + " is not authorized to perform: " + action + " on resource: ");
        });
    }

    @Test
    void aNewUserCanDoNothingUntilAPolicyAllowsIt() {
        String keyId = admin.createKey(r -> r.description("shared")).keyMetadata().keyId();
        try (KmsClient alice = server.client(KmsClient.builder(), newUser("alice"))) {
            assertDenied(() -> alice.describeKey(r -> r.keyId(keyId)), "kms:DescribeKey", "alice");

            iam.putUserPolicy(r -> r.userName("alice").policyName("use-keys").policyDocument("""
                    {"Version":"2012-10-17","Statement":[
                      {"Effect":"Allow","Action":["kms:DescribeKey","kms:Encrypt","kms:Decrypt"],"Resource":"*"},
                      {"Effect":"Deny","Action":"kms:Decrypt","Resource":"*"}]}"""));

            assertThat(alice.describeKey(r -> r.keyId(keyId)).keyMetadata().keyId()).isEqualTo(keyId);
            SdkBytes ciphertext = alice.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("hello")))
                    .ciphertextBlob();
            assertDenied(() -> alice.decrypt(r -> r.ciphertextBlob(ciphertext)), "kms:Decrypt", "alice");
        }
    }

    @Test
    void aKeyPolicyWithoutTheIamDelegationLocksOutIamPolicies() {
        String keyId = admin.createKey(r -> r.bypassPolicyLockoutSafetyCheck(true).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:user/carol"},"Action":"kms:*","Resource":"*"}]}"""
                .formatted(ACCOUNT))).keyMetadata().keyId();
        try (KmsClient bob = server.client(KmsClient.builder(), newUser("bob"));
             KmsClient carol = server.client(KmsClient.builder(), newUser("carol"))) {
            iam.putUserPolicy(r -> r.userName("bob").policyName("all-kms").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"));

            assertDenied(() -> bob.describeKey(r -> r.keyId(keyId)), "kms:DescribeKey", "bob");
            assertThat(carol.describeKey(r -> r.keyId(keyId)).keyMetadata().keyId())
                    .as("the key policy alone allows carol").isEqualTo(keyId);
        }
    }

    @Test
    void aGrantLetsAUserWithoutPoliciesUseTheKeyForItsOperationsOnly() {
        String keyId = admin.createKey(r -> r.description("granted")).keyMetadata().keyId();
        try (KmsClient dave = server.client(KmsClient.builder(), newUser("dave"))) {
            SdkBytes ciphertext = admin.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("for dave"))
                    .encryptionContext(java.util.Map.of("team", "blue"))).ciphertextBlob();
            assertDenied(() -> dave.decrypt(r -> r.ciphertextBlob(ciphertext)
                    .encryptionContext(java.util.Map.of("team", "blue"))), "kms:Decrypt", "dave");

            admin.createGrant(r -> r.keyId(keyId).granteePrincipal("arn:aws:iam::" + ACCOUNT + ":user/dave")
                    .operations(software.amazon.awssdk.services.kms.model.GrantOperation.DECRYPT)
                    .constraints(c -> c.encryptionContextEquals(java.util.Map.of("team", "blue"))));

            assertThat(dave.decrypt(r -> r.ciphertextBlob(ciphertext).encryptionContext(java.util.Map.of("team", "blue")))
                    .plaintext().asUtf8String()).isEqualTo("for dave");
            assertDenied(() -> dave.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))),
                    "kms:Encrypt", "dave");
        }
    }
}
