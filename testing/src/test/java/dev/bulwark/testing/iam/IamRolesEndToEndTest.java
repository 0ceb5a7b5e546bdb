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
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Roles: CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy. */
class IamRolesEndToEndTest {
    private static BulwarkTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    @Test
    void aRoleKeepsItsTrustPolicyAndReturnsItUrlEncoded() {
        String trustPolicy = trust(accountRoot());

        Role created = iam.createRole(r -> r.roleName("deployer").path("/ci/").assumeRolePolicyDocument(trustPolicy)
                .description("Deploys things").maxSessionDuration(7200)
                .tags(Tag.builder().key("env").value("prod").build())).role();
        Role got = iam.getRole(r -> r.roleName("deployer")).role();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/ci/deployer");
        assertThat(created.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(got.assumeRolePolicyDocument()).isNotEqualTo(trustPolicy);
        assertThat(URLDecoder.decode(got.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(trustPolicy);
        assertThat(got.description()).isEqualTo("Deploys things");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.tags()).containsExactly(Tag.builder().key("env").value("prod").build());
        assertThat(iam.listRoles(r -> r.pathPrefix("/ci/")).roles()).extracting(Role::roleName).containsExactly("deployer");
    }

    @Test
    void theTrustPolicyIsValidatedAsATrustPolicy() {
        assertFails(() -> iam.createRole(r -> r.roleName("untrusting").assumeRolePolicyDocument(allow("s3:*"))),
                "MalformedPolicyDocument", 400, "Missing required field Principal");
        assertFails(() -> iam.createRole(r -> r.roleName("untrusting").assumeRolePolicyDocument("{not json")),
                "MalformedPolicyDocument", 400, "Syntax errors in policy.");
        String tooLong = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "x".repeat(2048)
                + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + accountRoot() + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        assertFails(() -> iam.createRole(r -> r.roleName("untrusting").assumeRolePolicyDocument(tooLong)),
                "LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: 2048");
    }

    @Test
    void maxSessionDurationIsBetweenOneAndTwelveHours() {
        assertFails(() -> iam.createRole(r -> r.roleName("brief").assumeRolePolicyDocument(trust(accountRoot()))
                        .maxSessionDuration(60)), "ValidationError", 400,
                "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 3600");
    }

    @Test
    void updateAssumeRolePolicyReplacesTheTrustPolicy() {
        iam.createRole(r -> r.roleName("retrusted").assumeRolePolicyDocument(trust(accountRoot())));
        String narrower = trust("arn:aws:iam::" + ACCOUNT + ":user/only-me");
        iam.createUser(r -> r.userName("only-me"));

        iam.updateAssumeRolePolicy(r -> r.roleName("retrusted").policyDocument(narrower));

        assertThat(URLDecoder.decode(iam.getRole(r -> r.roleName("retrusted")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(narrower);
    }

    @Test
    void aRoleIsDeletedOnlyWithoutPolicies() {
        iam.createRole(r -> r.roleName("doomed-role").assumeRolePolicyDocument(trust(accountRoot())));
        String policyArn = iam.createPolicy(r -> r.policyName("doomed-role-managed").policyDocument(allow("s3:*")))
                .policy().arn();
        iam.attachRolePolicy(r -> r.roleName("doomed-role").policyArn(policyArn));
        iam.putRolePolicy(r -> r.roleName("doomed-role").policyName("inline").policyDocument(allow("s3:*")));

        assertFails(() -> iam.deleteRole(r -> r.roleName("doomed-role")), "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");
        iam.detachRolePolicy(r -> r.roleName("doomed-role").policyArn(policyArn));
        assertFails(() -> iam.deleteRole(r -> r.roleName("doomed-role")), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteRolePolicy(r -> r.roleName("doomed-role").policyName("inline"));

        iam.deleteRole(r -> r.roleName("doomed-role"));

        assertFails(() -> iam.getRole(r -> r.roleName("doomed-role")), "NoSuchEntity", 404,
                "The role with name doomed-role cannot be found.");
    }

    @Test
    void roleNamesAreUnique() {
        iam.createRole(r -> r.roleName("Singleton").assumeRolePolicyDocument(trust(accountRoot())));

        assertFails(() -> iam.createRole(r -> r.roleName("singleton").assumeRolePolicyDocument(trust(accountRoot()))),
                "EntityAlreadyExists", 409, "Role with name singleton already exists.");
    }
}
