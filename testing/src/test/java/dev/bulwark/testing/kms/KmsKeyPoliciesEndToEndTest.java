package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** GetKeyPolicy, PutKeyPolicy and ListKeyPolicies through the real AWS SDK for Java v2, as the account root. */
class KmsKeyPoliciesEndToEndTest {
    private static final String ROOT = "arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root";
    private static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";

    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    /** The recorded scenario's policy shape: the default statement and a second one for the account root. */
    private static String policy(String secondStatementActions) {
        return """
                {"Version": "2012-10-17", "Id": "key-default-1", "Statement": [
                  {"Sid": "This is the default key policy", "Effect": "Allow", "Principal": {"AWS": "%1$s"},
                   "Action": "kms:*", "Resource": "*"},
                  {"Sid": "This is some additional stuff to look special", "Effect": "Allow", "Principal": {"AWS": "%1$s"},
                   "Action": %2$s, "Resource": "*"}]}""".formatted(ROOT, secondStatementActions);
    }

    @Test
    void getPutAndListKeyPolicies() {
        KeyMetadata key = kms.createKey(request -> request.description("policies")).keyMetadata();
        assertThat(kms.getKeyPolicy(request -> request.keyId(key.keyId())).policy()).contains("\"Sid\" : \"Enable IAM User Permissions\"");

        String first = policy("\"kms:ListAliases\"");
        kms.putKeyPolicy(request -> request.keyId(key.keyId()).policyName("default").policy(first));
        assertThat(kms.getKeyPolicy(request -> request.keyId(key.keyId()).policyName("default")).policy()).isEqualTo(first);

        String second = policy("[\"kms:ListAliases\", \"kms:DescribeKey\"]");
        kms.putKeyPolicy(request -> request.keyId(key.arn()).policy(second));
        assertThat(kms.getKeyPolicy(request -> request.keyId(key.keyId())).policy()).isEqualTo(second);

        assertThat(kms.listKeyPolicies(request -> request.keyId(key.keyId())).policyNames()).containsExactly("default");
        assertThat(kms.listKeyPoliciesPaginator(request -> request.keyId(key.keyId()).limit(1)).policyNames().stream().toList())
                .containsExactly("default");
    }

    @Test
    void aPolicyThatWouldLockTheCallerOutIsRefusedUnlessTheCheckIsBypassed() {
        KeyMetadata key = kms.createKey(request -> request.description("lockout")).keyMetadata();
        // The root may still read the policy, but only someone else may change it.
        String rootCanOnlyRead = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%1$s:user/someone-else"}, "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"AWS": "%2$s"}, "Action": ["kms:GetKeyPolicy", "kms:DescribeKey"],
                   "Resource": "*"}]}""".formatted(BulwarkTestServer.ACCOUNT, ROOT);

        assertKmsError(() -> kms.putKeyPolicy(request -> request.keyId(key.keyId()).policy(rootCanOnlyRead)),
                "MalformedPolicyDocumentException", LOCKOUT);
        assertKmsError(() -> kms.createKey(request -> request.policy(rootCanOnlyRead)), "MalformedPolicyDocumentException", LOCKOUT);

        kms.putKeyPolicy(request -> request.keyId(key.keyId()).policy(rootCanOnlyRead).bypassPolicyLockoutSafetyCheck(true));
        assertThat(kms.getKeyPolicy(request -> request.keyId(key.keyId())).policy()).isEqualTo(rootCanOnlyRead);
    }

    @Test
    void malformedAndOversizedPoliciesAreRefused() {
        KeyMetadata key = kms.createKey(request -> request.description("malformed")).keyMetadata();

        assertKmsError(() -> kms.putKeyPolicy(request -> request.keyId(key.keyId()).policy("{\"Version\": \"2012-10-17\"")),
                "MalformedPolicyDocumentException", "Syntax errors in policy.");
        String huge = policy("\"kms:ListAliases\"").replace("\"Id\": \"key-default-1\"", "\"Id\": \"" + "x".repeat(33_000) + "\"");
        assertKmsError(() -> kms.putKeyPolicy(request -> request.keyId(key.keyId()).policy(huge)), "LimitExceededException",
                "The key policy exceeds the quota of 32768 bytes.");
        assertKmsError(() -> kms.getKeyPolicy(request -> request.keyId(key.keyId()).policyName("other")), "NotFoundException",
                "No such policy exists");
    }
}
