package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.ACCOUNT;
import static dev.bulwark.testing.iam.IamTesting.allow;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;

/** IAM users through the real IamClient: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser. */
class IamUsersEndToEndTest {
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
    void createsAUserWithPathTagsAndAnAwsStyleId() {
        Instant before = Instant.now().minusSeconds(1);

        User user = iam.createUser(r -> r.userName("create-alice").path("/engineering/")
                .tags(Tag.builder().key("team").value("blue").build())).user();

        assertThat(user.userName()).isEqualTo("create-alice");
        assertThat(user.path()).isEqualTo("/engineering/");
        assertThat(user.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/engineering/create-alice");
        assertThat(user.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(user.createDate()).isAfter(before);
        assertThat(user.tags()).containsExactly(Tag.builder().key("team").value("blue").build());
        assertThat(iam.getUser(r -> r.userName("create-alice")).user()).isEqualTo(user);
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        iam.createUser(r -> r.userName("Case-Bob"));

        assertFails(() -> iam.createUser(r -> r.userName("case-bob")), "EntityAlreadyExists", 409,
                "User with name case-bob already exists.");
        assertThat(iam.getUser(r -> r.userName("CASE-BOB")).user().userName()).isEqualTo("Case-Bob");
    }

    @Test
    void anUnknownUserCannotBeFound() {
        assertFails(() -> iam.getUser(r -> r.userName("nobody")), "NoSuchEntity", 404,
                "The user with name nobody cannot be found.");
        assertFails(() -> iam.deleteUser(r -> r.userName("nobody")), "NoSuchEntity", 404,
                "The user with name nobody cannot be found.");
    }

    @Test
    void namesAndPathsAreValidatedWithAwsMessages() {
        assertFails(() -> iam.createUser(r -> r.userName("has space")), "ValidationError", 400,
                "1 validation error detected: Value 'has space' at 'userName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        String tooLong = "u".repeat(65);
        assertFails(() -> iam.createUser(r -> r.userName(tooLong).path("no-slashes")), "ValidationError", 400,
                "2 validation errors detected: Value '" + tooLong + "' at 'userName' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 64; Value 'no-slashes' at 'path' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern:"
                        + " (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    }

    @Test
    void getUserWithoutANameDescribesTheCaller() {
        User root = iam.getUser().user();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(root.userId()).isEqualTo(ACCOUNT);
        assertThat(root.userName()).isNull();

        iam.createUser(r -> r.userName("self-carol"));
        iam.putUserPolicy(r -> r.userName("self-carol").policyName("self").policyDocument(allow("iam:GetUser")));
        AccessKey key = iam.createAccessKey(r -> r.userName("self-carol")).accessKey();
        try (IamClient carol = server.client(IamClient.builder(), IamTesting.credentials(key))) {
            assertThat(carol.getUser().user().userName()).isEqualTo("self-carol");
        }
    }

    @Test
    void listsUsersPageByPageUnderAPathPrefix() {
        for (String name : List.of("page-a", "page-b", "page-c", "page-d", "page-e")) {
            iam.createUser(r -> r.userName(name).path("/paging/"));
        }
        iam.createUser(r -> r.userName("page-elsewhere").path("/other/"));

        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListUsersResponse page = iam.listUsers(r -> r.pathPrefix("/paging/").maxItems(2).marker(from));
            page.users().forEach(user -> names.add(user.userName()));
            assertThat(page.isTruncated()).isEqualTo(page.marker() != null);
            marker = page.marker();
            pages++;
        } while (marker != null);

        assertThat(names).containsExactly("page-a", "page-b", "page-c", "page-d", "page-e");
        assertThat(pages).isEqualTo(3);
        assertThat(iam.listUsersPaginator(r -> r.pathPrefix("/paging/").maxItems(1)).users()).hasSize(5);
    }

    @Test
    void renamingAUserKeepsItsAccessKeysWorkingUnderTheNewName() {
        iam.createUser(r -> r.userName("rename-dave"));
        iam.createGroup(r -> r.groupName("rename-group"));
        iam.addUserToGroup(r -> r.groupName("rename-group").userName("rename-dave"));
        AccessKey key = iam.createAccessKey(r -> r.userName("rename-dave")).accessKey();

        iam.updateUser(r -> r.userName("rename-dave").newUserName("rename-david").newPath("/moved/"));

        assertFails(() -> iam.getUser(r -> r.userName("rename-dave")), "NoSuchEntity", 404,
                "The user with name rename-dave cannot be found.");
        assertThat(iam.getUser(r -> r.userName("rename-david")).user().arn())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/moved/rename-david");
        assertThat(iam.getGroup(r -> r.groupName("rename-group")).users()).extracting(User::userName)
                .containsExactly("rename-david");
        try (StsClient david = server.client(StsClient.builder(), IamTesting.credentials(key))) {
            assertThat(david.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/moved/rename-david");
        }
    }

    @Test
    void renamingOntoAnExistingUserIsRefused() {
        iam.createUser(r -> r.userName("clash-1"));
        iam.createUser(r -> r.userName("clash-2"));

        assertFails(() -> iam.updateUser(r -> r.userName("clash-1").newUserName("CLASH-2")), "EntityAlreadyExists", 409,
                "User with name CLASH-2 already exists.");
    }

    @Test
    void aUserIsDeletedOnlyOnceNothingDependsOnIt() {
        iam.createUser(r -> r.userName("delete-erin"));
        AccessKey key = iam.createAccessKey(r -> r.userName("delete-erin")).accessKey();
        iam.putUserPolicy(r -> r.userName("delete-erin").policyName("inline").policyDocument(allow("s3:*")));
        String policyArn = iam.createPolicy(r -> r.policyName("delete-erin-managed").policyDocument(allow("s3:*")))
                .policy().arn();
        iam.attachUserPolicy(r -> r.userName("delete-erin").policyArn(policyArn));
        iam.createGroup(r -> r.groupName("delete-erin-group"));
        iam.addUserToGroup(r -> r.groupName("delete-erin-group").userName("delete-erin"));

        assertFails(() -> iam.deleteUser(r -> r.userName("delete-erin")), "DeleteConflict", 409,
                "Cannot delete entity, must delete access keys first.");
        iam.deleteAccessKey(r -> r.userName("delete-erin").accessKeyId(key.accessKeyId()));
        assertFails(() -> iam.deleteUser(r -> r.userName("delete-erin")), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteUserPolicy(r -> r.userName("delete-erin").policyName("inline"));
        assertFails(() -> iam.deleteUser(r -> r.userName("delete-erin")), "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");
        iam.detachUserPolicy(r -> r.userName("delete-erin").policyArn(policyArn));
        assertFails(() -> iam.deleteUser(r -> r.userName("delete-erin")), "DeleteConflict", 409,
                "Cannot delete entity, must remove user from all groups first.");
        iam.removeUserFromGroup(r -> r.groupName("delete-erin-group").userName("delete-erin"));

        iam.deleteUser(r -> r.userName("delete-erin"));

        assertFails(() -> iam.getUser(r -> r.userName("delete-erin")), "NoSuchEntity", 404,
                "The user with name delete-erin cannot be found.");
    }

    @Test
    void aPermissionsBoundaryIsStoredAndMustBeAManagedPolicy() {
        String boundary = iam.createPolicy(r -> r.policyName("boundary-policy").policyDocument(allow("s3:*"))).policy().arn();

        User user = iam.createUser(r -> r.userName("bounded-frank").permissionsBoundary(boundary)).user();

        assertThat(iam.getUser(r -> r.userName("bounded-frank")).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(boundary);
        assertThat(user.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("PermissionsBoundaryPolicy");
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount()).isEqualTo(1);
        String missing = "arn:aws:iam::" + ACCOUNT + ":policy/missing";
        assertFails(() -> iam.createUser(r -> r.userName("bounded-gina").permissionsBoundary(missing)), "NoSuchEntity",
                404, "Scope ARN: " + missing + " does not exist or is not attachable.");
    }
}
