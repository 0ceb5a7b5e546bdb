package dev.bulwark.kms.internal;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.aliases.Aliases;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.grants.GrantCreation;
import dev.bulwark.kms.internal.grants.GrantRetirement;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RetireGrantRequest;

/**
 * A user of another account uses a key by its ARN exactly when the key policy allows that account
 * (or the user) and the user's own IAM policies allow the action, or a grant names the user; an
 * unauthorized caller gets the same answer for an existing key as for a key ARN that names none.
 */
class CrossAccountKeyUseTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("secret");
    private static final String OTHER_ROOT = "arn:aws:iam::" + KmsTestKit.OTHER_ACCOUNT + ":root";
    private static final String BOB = "arn:aws:iam::" + KmsTestKit.OTHER_ACCOUNT + ":user/bob";
    private static final String ALLOW_ALL_KMS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}""";

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final Aliases aliases = new Aliases(kit.core);
    private final GrantCreation grants = new GrantCreation(kit.core);
    private final GrantRetirement retirement = new GrantRetirement(kit.core);
    private final Caller bob = kit.iamUser(KmsTestKit.OTHER_ACCOUNT, "bob", ALLOW_ALL_KMS);
    private final Caller bobWithoutPolicies = kit.iamUser(KmsTestKit.OTHER_ACCOUNT, "bob");

    private static String policyAllowing(String principal) {
        return """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"kms:*","Resource":"*"},
                  {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"kms:*","Resource":"*"}]}"""
                .formatted(KmsTestKit.ACCOUNT, principal);
    }

    private KeyMetadata key(String policy) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().policy(policy).build()).keyMetadata();
    }

    private SdkBytes encrypt(Caller caller, String keyId) {
        return cryptography.encrypt(caller, EncryptRequest.builder().keyId(keyId).plaintext(PLAINTEXT).build()).ciphertextBlob();
    }

    private static String denied(String action, String resource, String side) {
        return "User: " + BOB + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no " + side + "-based policy allows the " + action + " action";
    }

    @Test
    void aKeyPolicyDelegatingToTheOtherAccountAndItsIamPolicyTogetherAllowUse() {
        KeyMetadata key = key(policyAllowing(OTHER_ROOT));

        SdkBytes ciphertext = encrypt(bob, key.arn());
        assertThat(cryptography.decrypt(bob, DecryptRequest.builder().ciphertextBlob(ciphertext).build()).plaintext())
                .as("Decrypt without KeyId finds the key of the account the ciphertext names").isEqualTo(PLAINTEXT);
        assertThat(lifecycle.describeKey(bob, DescribeKeyRequest.builder().keyId(key.arn()).build()).keyMetadata().arn())
                .isEqualTo(key.arn());
        assertThat(kit.lastAuthorization("kms:Decrypt").resourceAccess().policy()).contains(policyAllowing(OTHER_ROOT));
    }

    @Test
    void theOtherAccountsIamPoliciesMustAllowToo() {
        KeyMetadata key = key(policyAllowing(OTHER_ROOT));

        assertAwsError(() -> encrypt(bobWithoutPolicies, key.arn()), "AccessDeniedException",
                denied("kms:Encrypt", key.arn(), "identity"));
    }

    @Test
    void aKeyPolicyNamingTheUserItselfAllowsIt() {
        KeyMetadata key = key(policyAllowing(BOB));

        assertThat(encrypt(bob, key.arn()).asByteArray()).isNotEmpty();
    }

    @Test
    void aKeyWhosePolicyDoesNotNameTheOtherAccountIsRefusedAsAKeyThatDoesNotExist() {
        KeyMetadata key = key(policyAllowing("arn:aws:iam::" + KmsTestKit.ACCOUNT + ":user/alice"));
        SdkBytes ciphertext = encrypt(kit.caller(), key.keyId());
        String unknownArn = key.arn().replace(key.keyId(), "0b2e6a4c-1d3f-4e5a-8b7c-9d0e1f2a3b4c");

        assertAwsError(() -> encrypt(bob, key.arn()), "AccessDeniedException", denied("kms:Encrypt", key.arn(), "resource"));
        assertAwsError(() -> encrypt(bob, unknownArn), "AccessDeniedException", denied("kms:Encrypt", unknownArn, "resource"));
        assertAwsError(() -> cryptography.decrypt(bob, DecryptRequest.builder().ciphertextBlob(ciphertext).build()),
                "AccessDeniedException", denied("kms:Decrypt", key.arn(), "resource"));
    }

    @Test
    void aRetireGrantNamingAGrantIdTheKeyLacksIsRefusedAsAnUnknownKey() {
        KeyMetadata key = key(policyAllowing("arn:aws:iam::" + KmsTestKit.ACCOUNT + ":user/alice"));
        String grantId = "0000000000000000000000000000000000000000000000000000000000000000";

        assertAwsError(() -> retirement.retireGrant(bob, RetireGrantRequest.builder().keyId(key.arn()).grantId(grantId).build()),
                "AccessDeniedException", denied("kms:RetireGrant", key.arn(), "resource"));
    }

    @Test
    void aGrantToAUserOfTheOtherAccountAllowsItWithoutAKeyPolicyStatement() {
        KeyMetadata key = key(policyAllowing("arn:aws:iam::" + KmsTestKit.ACCOUNT + ":user/alice"));
        grants.createGrant(kit.caller(), CreateGrantRequest.builder().keyId(key.keyId()).granteePrincipal(BOB)
                .operationsWithStrings("Encrypt").build());

        assertThat(encrypt(bobWithoutPolicies, key.arn()).asByteArray()).isNotEmpty();
    }

    @Test
    void managementOperationsAndAliasesStayWithinTheKeysAccount() {
        KeyMetadata key = key(policyAllowing(OTHER_ROOT));
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName("alias/shared").targetKeyId(key.keyId()).build());
        String aliasArn = key.arn().replace("key/" + key.keyId(), "alias/shared");

        assertAwsError(() -> lifecycle.disableKey(bob, DisableKeyRequest.builder().keyId(key.arn()).build()),
                "AccessDeniedException", denied("kms:DisableKey", key.arn(), "resource"));
        assertAwsErrorCode(() -> encrypt(bob, aliasArn), "AccessDeniedException");
        assertAwsError(() -> encrypt(bob, key.keyId()), "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:" + KmsTestKit.OTHER_ACCOUNT + ":key/" + key.keyId() + "' does not exist");
    }
}
