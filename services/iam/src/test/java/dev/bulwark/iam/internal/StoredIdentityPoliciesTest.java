package dev.bulwark.iam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.IdentityPolicySource;
import dev.bulwark.auth.IdentityPolicySource.PrincipalPolicies;
import dev.bulwark.auth.identity.SessionContext;
import dev.bulwark.auth.identity.SessionCredentialStore;
import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.iam.IamFixture;
import dev.bulwark.iam.IdentityPolicies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.Tag;

class StoredIdentityPoliciesTest {
    private static final String ACCOUNT = IamFixture.ACCOUNT.value();

    private IamFixture iam;
    private IdentityPolicySource policies;

    @BeforeEach
    void open(@TempDir Path folder) {
        iam = new IamFixture(folder);
        policies = IdentityPolicies.over(iam.store());
    }

    @AfterEach
    void close() {
        iam.close();
    }

    @Test
    void aUsersPoliciesAreItsOwnAndItsGroupsWithItsTags() {
        String readers = managedPolicy("Readers", "s3:Get*");
        String groupManaged = managedPolicy("GroupManaged", "sqs:*");
        CreateUserResponse user = iam.call(CreateUserRequest.builder().userName("alice")
                .tags(Tag.builder().key("team").value("blue").build()).build());
        iam.call(PutUserPolicyRequest.builder().userName("alice").policyName("own").policyDocument(allow("kms:Decrypt")).build());
        iam.call(AttachUserPolicyRequest.builder().userName("alice").policyArn(readers).build());
        iam.call(CreateGroupRequest.builder().groupName("devs").build());
        iam.call(PutGroupPolicyRequest.builder().groupName("devs").policyName("shared").policyDocument(allow("sns:*")).build());
        iam.call(AttachGroupPolicyRequest.builder().groupName("devs").policyArn(groupManaged).build());
        iam.call(AddUserToGroupRequest.builder().groupName("devs").userName("alice").build());

        PrincipalPolicies found = policies.policiesOf(new Principal(Principal.Type.IAM_USER, IamFixture.ACCOUNT,
                user.user().arn(), user.user().userId(), "AKIAALICEEXAMPLE0000"));

        assertThat(found.identityPolicies()).extracting(AttachedPolicy::name)
                .containsExactly("user/alice/own", readers, "group/devs/shared", groupManaged);
        assertThat(found.sessionPolicies()).isEmpty();
        AwsPrincipal principal = (AwsPrincipal) found.principal();
        assertThat(principal.tags()).containsEntry("team", "blue");
        assertThat(principal.arn()).isEqualTo(user.user().arn());
    }

    @Test
    void aRecreatedUserIsANewUserForCredentialsOfTheOldOne() {
        CreateUserResponse old = iam.call(CreateUserRequest.builder().userName("bob").build());
        iam.call(DeleteUserRequest.builder().userName("bob").build());
        iam.call(CreateUserRequest.builder().userName("bob").build());
        iam.call(PutUserPolicyRequest.builder().userName("bob").policyName("own").policyDocument(allow("*")).build());

        PrincipalPolicies found = policies.policiesOf(new Principal(Principal.Type.IAM_USER, IamFixture.ACCOUNT,
                old.user().arn(), old.user().userId(), "AKIABOBEXAMPLE000000"));

        assertThat(found.identityPolicies()).isEmpty();
    }

    @Test
    void aRoleSessionHasTheRolesPoliciesAndItsSessionPoliciesAndTags() {
        String sessionManaged = managedPolicy("SessionManaged", "s3:ListBucket");
        CreateRoleResponse role = iam.call(CreateRoleRequest.builder().roleName("reader").path("/ops/")
                .assumeRolePolicyDocument(trustAccount()).tags(Tag.builder().key("team").value("red").build(),
                        Tag.builder().key("tier").value("gold").build()).build());
        iam.call(PutRolePolicyRequest.builder().roleName("reader").policyName("own").policyDocument(allow("s3:*")).build());
        String roleId = role.role().roleId();
        Principal session = new Principal(Principal.Type.ASSUMED_ROLE, IamFixture.ACCOUNT,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/job-1", roleId + ":job-1", "ASIASESSIONEXAMPLE00");
        storeSession(session, new SessionContext(SessionContext.IssuerType.ROLE, role.role().arn(), roleId, "reader",
                "AKIAALICEEXAMPLE0000", Instant.now(), Optional.of(allow("s3:GetObject")), List.of(sessionManaged),
                Map.of("team", "green"), List.of(), Optional.empty()));

        PrincipalPolicies found = policies.policiesOf(session);

        assertThat(found.identityPolicies()).extracting(AttachedPolicy::name).containsExactly("role/reader/own");
        assertThat(found.sessionPolicies()).extracting(AttachedPolicy::name).containsExactly("session", sessionManaged);
        AwsPrincipal principal = (AwsPrincipal) found.principal();
        assertThat(principal.principalArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/ops/reader");
        assertThat(principal.tags()).containsEntry("team", "green").containsEntry("tier", "gold");
    }

    @Test
    void theRootHasNoIdentityPolicies() {
        PrincipalPolicies found = policies.policiesOf(Principal.root(IamFixture.ACCOUNT, "AKIAROOTEXAMPLE00000"));

        assertThat(found.identityPolicies()).isEmpty();
        assertThat(((AwsPrincipal) found.principal()).arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
    }

    private String managedPolicy(String name, String action) {
        CreatePolicyResponse created = iam.call(CreatePolicyRequest.builder().policyName(name)
                .policyDocument(allow(action)).build());
        return created.policy().arn();
    }

    private void storeSession(Principal principal, SessionContext context) {
        Credential credential = Credential.temporary(principal.accessKeyId(),
                SecretBytes.copyOf("secretsecretsecretsecretsecretsecret1234".getBytes(StandardCharsets.US_ASCII)),
                principal, SecretBytes.copyOf("token".getBytes(StandardCharsets.US_ASCII)),
                Instant.now().plusSeconds(900));
        iam.store().write(tx -> {
            SessionCredentialStore.create(tx, credential, context, Instant.now());
            return null;
        });
    }

    private static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}}";
    }

    private static String trustAccount() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}}";
    }
}
