package dev.bulwark.kms.internal.grants;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.cryptography.DataKeys;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RevokeGrantRequest;

/**
 * Grants take effect: calls of IAM users without identity policies, decided by the policy engine
 * under the default key policy (which leaves users to IAM), succeed exactly when a grant covers
 * them, and an explicit deny still wins.
 */
class GrantAuthorizationTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("secret");
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final DataKeys dataKeys = new DataKeys(kit.core);
    private final GrantCreation grants = new GrantCreation(kit.core);
    private final GrantRetirement retirement = new GrantRetirement(kit.core);
    private final Caller alice = kit.iamUser("alice");

    private KeyMetadata key(String policy) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().policy(policy).build()).keyMetadata();
    }

    private KeyMetadata keyWithDefaultPolicy() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    private String grant(Caller caller, KeyMetadata key, UnaryOperator<CreateGrantRequest.Builder> request) {
        return grants.createGrant(caller, request.apply(CreateGrantRequest.builder().keyId(key.keyId())).build()).grantId();
    }

    private SdkBytes encrypt(Caller caller, KeyMetadata key, Map<String, String> context) {
        return cryptography.encrypt(caller, EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT)
                .encryptionContext(context).build()).ciphertextBlob();
    }

    @Test
    void aUserWithoutPoliciesMayUseAKeyOnlyThroughAGrant() {
        KeyMetadata key = keyWithDefaultPolicy();
        assertAwsError(() -> encrypt(alice, key, Map.of()), "AccessDeniedException", "User: " + ALICE
                + " is not authorized to perform: kms:Encrypt on resource: " + key.arn()
                + " because no identity-based policy allows the kms:Encrypt action");

        String grantId = grant(kit.caller(), key, request -> request.granteePrincipal(ALICE).operationsWithStrings("Encrypt", "Decrypt"));

        SdkBytes ciphertext = encrypt(alice, key, Map.of());
        assertThat(cryptography.decrypt(alice, DecryptRequest.builder().ciphertextBlob(ciphertext).build()).plaintext())
                .as("Decrypt without a KeyId: the key the ciphertext names is checked for grants too").isEqualTo(PLAINTEXT);
        assertThat(kit.lastAuthorization("kms:Encrypt").resourceAccess().grantAllows()).isTrue();
        assertAwsErrorCode(() -> lifecycle.describeKey(alice, DescribeKeyRequest.builder().keyId(key.keyId()).build()),
                "AccessDeniedException");
        assertAwsErrorCode(() -> dataKeys.generateDataKey(alice, GenerateDataKeyRequest.builder().keyId(key.keyId())
                .keySpec("AES_256").build()), "AccessDeniedException");

        retirement.revokeGrant(kit.caller(), RevokeGrantRequest.builder().keyId(key.keyId()).grantId(grantId).build());
        assertAwsErrorCode(() -> encrypt(alice, key, Map.of()), "AccessDeniedException");
    }

    @Test
    void aGrantToSomeoneElseGivesNothing() {
        KeyMetadata key = keyWithDefaultPolicy();
        grant(kit.caller(), key, request -> request.granteePrincipal("arn:aws:iam::111122223333:user/bob")
                .operationsWithStrings("Encrypt"));

        assertAwsErrorCode(() -> encrypt(alice, key, Map.of()), "AccessDeniedException");
        assertThat(kit.lastAuthorization("kms:Encrypt").resourceAccess().grantAllows()).isFalse();
    }

    @Test
    void anExplicitDenyInTheKeyPolicyWinsOverAGrant() {
        KeyMetadata key = key("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
                 {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"kms:Encrypt","Resource":"*"}]}""");
        grant(kit.caller(), key, request -> request.granteePrincipal(ALICE).operationsWithStrings("Encrypt"));

        assertAwsError(() -> encrypt(alice, key, Map.of()), "AccessDeniedException", "User: " + ALICE
                + " is not authorized to perform: kms:Encrypt on resource: " + key.arn()
                + " with an explicit deny in a resource-based policy");
    }

    @Test
    void anEqualsConstraintNeedsExactlyItsContextAndASubsetConstraintAtLeastIt() {
        KeyMetadata key = keyWithDefaultPolicy();
        grant(kit.caller(), key, request -> request.granteePrincipal(ALICE).operationsWithStrings("Encrypt")
                .constraints(constraints -> constraints.encryptionContextEquals(Map.of("Department", "IT"))));
        Caller bob = kit.iamUser("bob");
        grant(kit.caller(), key, request -> request.granteePrincipal("arn:aws:iam::111122223333:user/bob")
                .operationsWithStrings("Encrypt")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Department", "IT"))));

        encrypt(alice, key, Map.of("Department", "IT"));
        encrypt(alice, key, Map.of("department", "IT"));
        assertAwsErrorCode(() -> encrypt(alice, key, Map.of("Department", "it")), "AccessDeniedException");
        assertAwsErrorCode(() -> encrypt(alice, key, Map.of("Department", "IT", "Project", "x")), "AccessDeniedException");
        assertAwsErrorCode(() -> encrypt(alice, key, Map.of()), "AccessDeniedException");

        encrypt(bob, key, Map.of("Department", "IT", "Project", "x"));
        assertAwsErrorCode(() -> encrypt(bob, key, Map.of("Project", "x")), "AccessDeniedException");
    }

    @Test
    void constraintsDoNotApplyToDescribeKey() {
        KeyMetadata key = keyWithDefaultPolicy();
        grant(kit.caller(), key, request -> request.granteePrincipal(ALICE).operationsWithStrings("Encrypt", "DescribeKey")
                .constraints(constraints -> constraints.encryptionContextEquals(Map.of("Department", "IT"))));

        assertThat(lifecycle.describeKey(alice, DescribeKeyRequest.builder().keyId(key.keyId()).build()).keyMetadata().keyId())
                .isEqualTo(key.keyId());
    }

    @Test
    void aGrantToARoleCoversItsSessions() {
        KeyMetadata key = keyWithDefaultPolicy();
        grant(kit.caller(), key, request -> request.granteePrincipal("arn:aws:iam::111122223333:role/service/Worker")
                .operationsWithStrings("Encrypt"));
        List<AuthorizationRequest> seen = new ArrayList<>();
        Authorizer grantsOnly = (caller, request) -> {
            seen.add(request);
            return request.resourceAccess().grantAllows() ? Authorizer.Decision.ALLOW : Authorizer.Decision.deny("no grant");
        };
        Caller session = new Caller(new Principal(Principal.Type.ASSUMED_ROLE, AccountId.of("111122223333"),
                "arn:aws:sts::111122223333:assumed-role/Worker/job-42", "AROAWORKER:job-42", "ASIAWORKER"),
                Region.US_EAST_1, "request-1", kit.clock.instant(), "127.0.0.1", "test", true, grantsOnly);

        encrypt(session, key, Map.of());
        assertThat(seen).extracting(request -> request.resourceAccess().grantAllows()).containsExactly(true);
    }

    @Test
    void aGranteeWithCreateGrantMayOnlyPassOnWhatItsGrantAllows() {
        KeyMetadata key = keyWithDefaultPolicy();
        grant(kit.caller(), key, request -> request.granteePrincipal(ALICE).operationsWithStrings("CreateGrant", "Encrypt", "Decrypt")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Department", "IT"))));
        String bob = "arn:aws:iam::111122223333:user/bob";

        grant(alice, key, request -> request.granteePrincipal(bob).operationsWithStrings("Decrypt")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Department", "IT", "Project", "x"))));
        grant(alice, key, request -> request.granteePrincipal(bob).operationsWithStrings("Decrypt")
                .constraints(constraints -> constraints.encryptionContextEquals(Map.of("department", "IT"))));

        assertAwsErrorCode(() -> grant(alice, key, request -> request.granteePrincipal(bob).operationsWithStrings("DescribeKey")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Department", "IT")))), "AccessDeniedException");
        assertAwsErrorCode(() -> grant(alice, key, request -> request.granteePrincipal(bob).operationsWithStrings("Decrypt")),
                "AccessDeniedException");
        assertAwsErrorCode(() -> grant(alice, key, request -> request.granteePrincipal(bob).operationsWithStrings("Decrypt")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Project", "x")))), "AccessDeniedException");
    }
}
