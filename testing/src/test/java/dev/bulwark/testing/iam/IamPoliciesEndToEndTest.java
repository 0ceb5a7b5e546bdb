package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.ACCOUNT;
import static dev.bulwark.testing.iam.IamTesting.accountRoot;
import static dev.bulwark.testing.iam.IamTesting.allow;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static dev.bulwark.testing.iam.IamTesting.trust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/** Inline policies, managed policies and their versions, and attachments. */
class IamPoliciesEndToEndTest {
    /** Spaces, a plus sign and a newline: what URL encoding must carry exactly. */
    private static final String DOCUMENT = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket/a+b c/*\"}]\n}";

    private static BulwarkTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
        iam.createUser(r -> r.userName("holder"));
        iam.createGroup(r -> r.groupName("holders"));
        iam.createRole(r -> r.roleName("holder-role").assumeRolePolicyDocument(trust(accountRoot())));
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    @Test
    void inlinePoliciesComeBackUrlEncodedAsAwsReturnsThem() {
        iam.putUserPolicy(r -> r.userName("holder").policyName("read-objects").policyDocument(DOCUMENT));
        iam.putGroupPolicy(r -> r.groupName("holders").policyName("read-objects").policyDocument(DOCUMENT));
        iam.putRolePolicy(r -> r.roleName("holder-role").policyName("read-objects").policyDocument(DOCUMENT));

        GetUserPolicyResponse user = iam.getUserPolicy(r -> r.userName("holder").policyName("read-objects"));
        String group = iam.getGroupPolicy(r -> r.groupName("holders").policyName("read-objects")).policyDocument();
        String role = iam.getRolePolicy(r -> r.roleName("holder-role").policyName("read-objects")).policyDocument();

        assertThat(user.userName()).isEqualTo("holder");
        assertThat(user.policyName()).isEqualTo("read-objects");
        assertThat(user.policyDocument()).startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22").doesNotContain("+");
        assertThat(URLDecoder.decode(user.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
        assertThat(group).isEqualTo(user.policyDocument());
        assertThat(role).isEqualTo(user.policyDocument());
    }

    @Test
    void inlinePoliciesAreListedByNameReplacedAndDeleted() {
        iam.createUser(r -> r.userName("lister"));
        for (String name : new String[] {"p-c", "p-a", "p-b"}) {
            iam.putUserPolicy(r -> r.userName("lister").policyName(name).policyDocument(allow("s3:*")));
        }
        iam.putUserPolicy(r -> r.userName("lister").policyName("p-a").policyDocument(allow("sqs:*")));

        assertThat(iam.listUserPolicies(r -> r.userName("lister")).policyNames()).containsExactly("p-a", "p-b", "p-c");
        assertThat(iam.listUserPolicies(r -> r.userName("lister").maxItems(2)).isTruncated()).isTrue();
        assertThat(URLDecoder.decode(iam.getUserPolicy(r -> r.userName("lister").policyName("p-a")).policyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(allow("sqs:*"));

        iam.deleteUserPolicy(r -> r.userName("lister").policyName("p-b"));

        assertThat(iam.listUserPolicies(r -> r.userName("lister")).policyNames()).containsExactly("p-a", "p-c");
        assertFails(() -> iam.getUserPolicy(r -> r.userName("lister").policyName("p-b")), "NoSuchEntity", 404,
                "The user policy with name p-b cannot be found.");
        assertFails(() -> iam.deleteRolePolicy(r -> r.roleName("holder-role").policyName("absent")), "NoSuchEntity",
                404, "The role policy with name absent cannot be found.");
    }

    @Test
    void malformedDocumentsAreRefusedWithAwsMessages() {
        assertFails(() -> iam.putUserPolicy(r -> r.userName("holder").policyName("bad").policyDocument("{\"Statement\"")),
                "MalformedPolicyDocument", 400, "Syntax errors in policy.");
        assertFails(() -> iam.putUserPolicy(r -> r.userName("holder").policyName("bad").policyDocument(trust(accountRoot()))),
                "MalformedPolicyDocument", 400, "Policy document should not specify a principal.");
        assertFails(() -> iam.createPolicy(r -> r.policyName("bad").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}")),
                "MalformedPolicyDocument", 400, "Policy statement must contain actions.");
    }

    @Test
    void inlinePoliciesOfAnEntityShareItsSizeLimitWhitespaceExcluded() {
        iam.createUser(r -> r.userName("verbose"));
        String padded = allow("s3:GetObject").replace("{", "{" + " ".repeat(3000));
        iam.putUserPolicy(r -> r.userName("verbose").policyName("spacious").policyDocument(padded));
        String large = allow("s3:" + "G".repeat(1000));

        iam.putUserPolicy(r -> r.userName("verbose").policyName("large-1").policyDocument(large));

        assertFails(() -> iam.putUserPolicy(r -> r.userName("verbose").policyName("large-2").policyDocument(large)),
                "LimitExceeded", 409, "Maximum policy size of 2048 bytes exceeded for user verbose");
        iam.putRolePolicy(r -> r.roleName("holder-role").policyName("large-2").policyDocument(large));
    }

    @Test
    void aManagedPolicyIsCreatedListedAndDescribed() {
        Policy created = iam.createPolicy(r -> r.policyName("Readers").path("/shared/").policyDocument(DOCUMENT)
                .description("Reads objects")).policy();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":policy/shared/Readers");
        assertThat(created.policyId()).matches("ANPA[A-Z2-7]{17}");
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.isAttachable()).isTrue();
        assertThat(iam.getPolicy(r -> r.policyArn(created.arn())).policy().description()).isEqualTo("Reads objects");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/shared/")).policies())
                .extracting(Policy::policyName).containsExactly("Readers");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies()).isEmpty();
        assertThat(URLDecoder.decode(iam.getPolicyVersion(r -> r.policyArn(created.arn()).versionId("v1"))
                .policyVersion().document(), StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
        assertFails(() -> iam.createPolicy(r -> r.policyName("Readers").policyDocument(DOCUMENT)), "EntityAlreadyExists",
                409, "A policy called Readers already exists. Duplicate names are not allowed.");
    }

    @Test
    void unknownOrInvalidPolicyArnsAreReportedAsAwsDoes() {
        String missing = "arn:aws:iam::" + ACCOUNT + ":policy/Missing";

        assertFails(() -> iam.getPolicy(r -> r.policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
        assertFails(() -> iam.attachUserPolicy(r -> r.userName("holder").policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " does not exist or is not attachable.");
        assertFails(() -> iam.getPolicy(r -> r.policyArn("arn:aws:s3:::not-a-policy")), "InvalidInput", 400,
                "ARN arn:aws:s3:::not-a-policy is not valid.");
    }

    @Test
    void versionsAreCreatedUpToFiveMadeDefaultAndDeleted() {
        String arn = iam.createPolicy(r -> r.policyName("Versioned").policyDocument(allow("s3:GetObject"))).policy().arn();
        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:*"))).policyVersion();
        PolicyVersion v3 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("sqs:*")).setAsDefault(true))
                .policyVersion();
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("sns:*")));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("kms:*")));

        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isFalse();
        assertThat(v2.document()).isNull();
        assertThat(v3.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v3");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v5", "v4", "v3", "v2", "v1");
        assertFails(() -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:*"))), "LimitExceeded",
                409, "A managed policy can have up to 5 versions. Before you create a new version, you must delete an"
                        + " existing version.");
        assertFails(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v3")), "DeleteConflict", 409,
                "Cannot delete the default version of a policy.");

        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v5"));
        PolicyVersion v6 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("ec2:*"))).policyVersion();

        assertThat(v6.versionId()).isEqualTo("v6");
        assertThat(iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v5")).policyVersion().isDefaultVersion()).isTrue();
        assertFails(() -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v1")), "NoSuchEntity", 404,
                "Policy " + arn + " version v1 does not exist or is not attachable.");
    }

    @Test
    void aManagedPolicyIsDeletedOnlyDetachedAndWithItsDefaultVersionAlone() {
        String arn = iam.createPolicy(r -> r.policyName("Doomed").policyDocument(allow("s3:*"))).policy().arn();
        iam.attachGroupPolicy(r -> r.groupName("holders").policyArn(arn));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("sqs:*")));

        assertFails(() -> iam.deletePolicy(r -> r.policyArn(arn)), "DeleteConflict", 409,
                "Cannot delete a policy attached to entities.");
        iam.detachGroupPolicy(r -> r.groupName("holders").policyArn(arn));
        assertFails(() -> iam.deletePolicy(r -> r.policyArn(arn)), "DeleteConflict", 409,
                "This policy has more than one version. Before you delete a policy, you must delete the policy's"
                        + " versions. The default version is deleted with the policy.");
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2"));

        iam.deletePolicy(r -> r.policyArn(arn));

        assertFails(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity", 404, "Policy " + arn + " was not found.");
    }

    @Test
    void attachmentsAreCountedListedAndLimitedToTen() {
        iam.createRole(r -> r.roleName("attached-role").assumeRolePolicyDocument(trust(accountRoot())));
        String first = iam.createPolicy(r -> r.policyName("Attach-0").path("/team/").policyDocument(allow("s3:*")))
                .policy().arn();
        iam.attachRolePolicy(r -> r.roleName("attached-role").policyArn(first));
        iam.attachRolePolicy(r -> r.roleName("attached-role").policyArn(first));
        for (int i = 1; i < 10; i++) {
            String name = "Attach-" + i;
            String arn = iam.createPolicy(r -> r.policyName(name).policyDocument(allow("s3:*"))).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("attached-role").policyArn(arn));
        }
        String eleventh = iam.createPolicy(r -> r.policyName("Attach-10").policyDocument(allow("s3:*"))).policy().arn();

        assertFails(() -> iam.attachRolePolicy(r -> r.roleName("attached-role").policyArn(eleventh)), "LimitExceeded",
                409, "Cannot exceed quota for PoliciesPerRole: 10");
        assertThat(iam.getPolicy(r -> r.policyArn(first)).policy().attachmentCount()).isEqualTo(1);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("attached-role")).attachedPolicies()).hasSize(10);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("attached-role").pathPrefix("/team/")).attachedPolicies())
                .containsExactly(AttachedPolicy.builder().policyName("Attach-0").policyArn(first).build());
        assertThat(iam.listPolicies(r -> r.onlyAttached(true).pathPrefix("/team/")).policies())
                .extracting(Policy::policyName).containsExactly("Attach-0");
        assertFails(() -> iam.detachUserPolicy(r -> r.userName("holder").policyArn(first)), "NoSuchEntity", 404,
                "Policy " + first + " was not found.");
    }
}
