package dev.bulwark.kms.internal.policies;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.kms.internal.KeyPolicies;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;

class KeyPolicyAdministrationTest {
    private static final String ACCOUNT_ROOT = "arn:aws:iam::111122223333:root";

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final KeyPolicyAdministration policies = new KeyPolicyAdministration(kit.core);

    /** A key policy with one statement allowing {@code actions} to {@code principal}. */
    private static String allowing(String principal, String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":" + actions + ",\"Resource\":\"*\"}]}";
    }

    private KeyMetadata createKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    private void put(Caller caller, String keyId, UnaryOperator<PutKeyPolicyRequest.Builder> request) {
        policies.putKeyPolicy(caller, request.apply(PutKeyPolicyRequest.builder().keyId(keyId)).build());
    }

    private String policyOf(String keyId) {
        return policies.getKeyPolicy(kit.caller(), GetKeyPolicyRequest.builder().keyId(keyId).build()).policy();
    }

    @Test
    void getKeyPolicyReturnsTheDefaultPolicyByItsOnlyName() {
        KeyMetadata key = createKey();

        GetKeyPolicyResponse unnamed = policies.getKeyPolicy(kit.caller(), GetKeyPolicyRequest.builder().keyId(key.keyId()).build());
        GetKeyPolicyResponse named = policies.getKeyPolicy(kit.caller(),
                GetKeyPolicyRequest.builder().keyId(key.arn()).policyName("default").build());

        assertThat(unnamed.policy()).isEqualTo(KeyPolicies.defaultPolicy(KmsScope.of(kit.caller())));
        assertThat(unnamed.policyName()).isEqualTo("default");
        assertThat(named).isEqualTo(unnamed);
        assertAwsError(() -> policies.getKeyPolicy(kit.caller(), GetKeyPolicyRequest.builder().keyId(key.keyId())
                .policyName("other").build()), "NotFoundException", "No such policy exists");
        assertAwsError(() -> policies.getKeyPolicy(kit.caller(), GetKeyPolicyRequest.builder().keyId(key.keyId())
                .policyName("no-dash").build()), "ValidationException", "1 validation error detected: Value 'no-dash' at "
                + "'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+");
        assertThat(kit.lastAuthorization("kms:GetKeyPolicy").resourceArn()).isEqualTo(key.arn());
    }

    @Test
    void putKeyPolicyStoresThePolicyAsWritten() {
        KeyMetadata key = createKey();
        String policy = """
                {
                  "Version": "2012-10-17",
                  "Id": "custom",
                  "Statement": [
                    {"Sid": "Admins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                     "Action": "kms:*", "Resource": "*"},
                    {"Sid": "Readers", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/reader"},
                     "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}
                  ]
                }""";

        put(kit.caller(), key.keyId(), request -> request.policy(policy).policyName("default"));

        assertThat(policyOf(key.keyId())).isEqualTo(policy);
        assertThat(kit.lastConditions("kms:PutKeyPolicy")).containsEntry("kms:BypassPolicyLockoutSafetyCheck", List.of("false"));
    }

    @Test
    void aPolicyMustBeAValidResourcePolicy() {
        KeyMetadata key = createKey();

        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy("{not json")),
                "MalformedPolicyDocumentException", "Syntax errors in policy.");
        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}")),
                "MalformedPolicyDocumentException", "Missing required field Principal");
        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy(null)), "ValidationException",
                "1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy(allowing(ACCOUNT_ROOT, "\"kms:*\""))
                .policyName("other")), "UnsupportedOperationException", "Only default policy is supported");
        assertThat(policyOf(key.keyId())).isEqualTo(KeyPolicies.defaultPolicy(KmsScope.of(kit.caller())));
    }

    @Test
    void aPolicyLargerThan32KilobytesIsOverTheQuota() {
        KeyMetadata key = createKey();
        String base = allowing(ACCOUNT_ROOT, "\"kms:*\"");
        String padded = base.substring(0, base.length() - 1) + ",\"Id\":\"" + "x".repeat(32_768 - base.length() - 8) + "\"}";
        assertThat(padded).hasSize(32_768);
        put(kit.caller(), key.keyId(), request -> request.policy(padded));

        String tooLarge = padded.replace("\"Id\":\"x", "\"Id\":\"xx");
        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy(tooLarge)), "LimitExceededException",
                "The key policy exceeds the quota of 32768 bytes.");
    }

    @Test
    void thePolicyMustLetTheCallerPutAPolicyAgainUnlessTheCheckIsBypassed() {
        KeyMetadata key = createKey();
        String onlyBob = allowing("arn:aws:iam::111122223333:user/bob", "\"kms:*\"");
        String rootWithoutPutKeyPolicy = allowing(ACCOUNT_ROOT, "[\"kms:Encrypt\",\"kms:Decrypt\"]");
        String lockout = "The new key policy will not allow you to update the key policy in the future.";

        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy(onlyBob)),
                "MalformedPolicyDocumentException", lockout);
        assertAwsError(() -> put(kit.caller(), key.keyId(), request -> request.policy(rootWithoutPutKeyPolicy)),
                "MalformedPolicyDocumentException", lockout);
        assertThat(policyOf(key.keyId())).as("a refused policy is not stored")
                .isEqualTo(KeyPolicies.defaultPolicy(KmsScope.of(kit.caller())));

        put(kit.caller(), key.keyId(), request -> request.policy(onlyBob).bypassPolicyLockoutSafetyCheck(true));
        assertThat(policyOf(key.keyId())).isEqualTo(onlyBob);
        assertThat(kit.lastConditions("kms:PutKeyPolicy")).containsEntry("kms:BypassPolicyLockoutSafetyCheck", List.of("true"));
    }

    @Test
    void theLockoutCheckReadsTheKeyPolicySideForAnIamUser() {
        KeyMetadata key = createKey();
        Caller alice = kit.iamUser("alice", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\"}]}");
        String lockout = "The new key policy will not allow you to update the key policy in the future.";

        put(alice, key.keyId(), request -> request.policy(allowing(ACCOUNT_ROOT, "\"kms:*\"")));
        put(alice, key.keyId(), request -> request.policy(allowing("arn:aws:iam::111122223333:user/alice", "\"kms:PutKeyPolicy\"")));
        assertThat(policyOf(key.keyId())).contains("user/alice");
        assertAwsError(() -> put(alice, key.keyId(), request -> request.policy(allowing("arn:aws:iam::111122223333:user/bob",
                "\"kms:*\""))), "MalformedPolicyDocumentException", lockout);
        String denyingAlice = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ACCOUNT_ROOT + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"},"
                + "\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\"}]}";
        assertAwsError(() -> put(alice, key.keyId(), request -> request.policy(denyingAlice)),
                "MalformedPolicyDocumentException", lockout);
    }

    @Test
    void aRoleSessionIsCheckedAsItsRole() {
        KeyMetadata key = createKey();
        Caller session = new Caller(new Principal(Principal.Type.ASSUMED_ROLE, KmsTestKit.ACCOUNT,
                "arn:aws:sts::111122223333:assumed-role/KeyAdmin/alice", "AROAKEYADMIN:alice", "ASIAKEYADMIN"),
                KmsTestKit.REGION, "request-1", kit.clock.instant(), "127.0.0.1", "test", true,
                (caller, request) -> Authorizer.Decision.ALLOW);

        put(session, key.keyId(), request -> request.policy(allowing("arn:aws:iam::111122223333:role/KeyAdmin", "\"kms:*\"")));
        put(session, key.keyId(), request -> request.policy(
                allowing("arn:aws:sts::111122223333:assumed-role/KeyAdmin/alice", "\"kms:PutKeyPolicy\"")));
        assertAwsError(() -> put(session, key.keyId(), request -> request.policy(
                        allowing("arn:aws:iam::111122223333:role/OtherRole", "\"kms:*\""))),
                "MalformedPolicyDocumentException", "The new key policy will not allow you to update the key policy in the future.");
    }

    @Test
    void aNewPolicyIsWhatTheNextCallIsAuthorizedUnder() {
        KeyMetadata key = createKey();
        Caller root = kit.evaluatedRoot();
        SdkBytes plaintext = SdkBytes.fromUtf8String("x");
        cryptography.encrypt(root, EncryptRequest.builder().keyId(key.keyId()).plaintext(plaintext).build());

        put(root, key.keyId(), request -> request.policy(allowing(ACCOUNT_ROOT, "[\"kms:PutKeyPolicy\",\"kms:DescribeKey\"]")));

        assertAwsError(() -> cryptography.encrypt(root, EncryptRequest.builder().keyId(key.keyId()).plaintext(plaintext).build()),
                "AccessDeniedException", "User: " + ACCOUNT_ROOT + " is not authorized to perform: kms:Encrypt on resource: "
                        + key.arn() + " because no resource-based policy allows the kms:Encrypt action");
    }

    @Test
    void policiesOfKeysPendingDeletionCanBeReadAndChangedButNotOfAwsManagedKeys() {
        KeyMetadata key = createKey();
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).build());
        put(kit.caller(), key.keyId(), request -> request.policy(allowing(ACCOUNT_ROOT, "\"kms:*\"")));
        assertThat(policyOf(key.keyId())).isEqualTo(allowing(ACCOUNT_ROOT, "\"kms:*\""));

        String managed = new KeyLifecycle(kit.core)
                .describeKey(kit.caller(), DescribeKeyRequest.builder().keyId("alias/aws/ssm").build()).keyMetadata().keyId();
        assertThat(policyOf(managed)).contains("kms:ViaService");
        assertAwsErrorCode(() -> put(kit.caller(), managed, request -> request.policy(allowing(ACCOUNT_ROOT, "\"kms:*\""))),
                "AccessDeniedException");
    }

    @Test
    void listKeyPoliciesNamesTheOnePolicy() {
        KeyMetadata key = createKey();

        ListKeyPoliciesResponse listed = policies.listKeyPolicies(kit.caller(),
                ListKeyPoliciesRequest.builder().keyId(key.keyId()).limit(1).build());

        assertThat(listed.policyNames()).containsExactly("default");
        assertThat(listed.truncated()).isFalse();
        assertThat(listed.nextMarker()).isNull();
        assertAwsError(() -> policies.listKeyPolicies(kit.caller(), ListKeyPoliciesRequest.builder().keyId(key.keyId())
                .marker("not-a-marker").build()), "InvalidMarkerException",
                "The marker that specifies where pagination should next begin is not valid.");
        assertAwsError(() -> policies.listKeyPolicies(kit.caller(), ListKeyPoliciesRequest.builder().keyId("alias/x").build()),
                "InvalidArnException", "Key Aliases are not supported for this operation.");
    }
}
