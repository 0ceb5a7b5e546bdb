package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.ACCOUNT;
import static dev.bulwark.testing.iam.IamTesting.allow;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.User;

/** Groups and membership: CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser. */
class IamGroupsEndToEndTest {
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
    void aGroupListsItsUsersAndEachUserItsGroups() {
        Group group = iam.createGroup(r -> r.groupName("members").path("/teams/")).group();
        iam.createUser(r -> r.userName("member-b"));
        iam.createUser(r -> r.userName("member-a"));
        iam.addUserToGroup(r -> r.groupName("members").userName("member-b"));
        iam.addUserToGroup(r -> r.groupName("members").userName("member-a"));
        iam.addUserToGroup(r -> r.groupName("members").userName("member-a"));

        GetGroupResponse got = iam.getGroup(r -> r.groupName("members"));

        assertThat(group.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/teams/members");
        assertThat(group.groupId()).matches("AGPA[A-Z2-7]{17}");
        assertThat(got.group()).isEqualTo(group);
        assertThat(got.users()).extracting(User::userName).containsExactly("member-a", "member-b");
        assertThat(iam.listGroupsForUser(r -> r.userName("member-a")).groups()).containsExactly(group);
        assertThat(iam.listGroups(r -> r.pathPrefix("/teams/")).groups()).containsExactly(group);
    }

    @Test
    void getGroupPagesItsUsers() {
        iam.createGroup(r -> r.groupName("big"));
        for (String name : new String[] {"big-1", "big-2", "big-3"}) {
            iam.createUser(r -> r.userName(name));
            iam.addUserToGroup(r -> r.groupName("big").userName(name));
        }

        GetGroupResponse first = iam.getGroup(r -> r.groupName("big").maxItems(2));
        GetGroupResponse rest = iam.getGroup(r -> r.groupName("big").marker(first.marker()));

        assertThat(first.users()).extracting(User::userName).containsExactly("big-1", "big-2");
        assertThat(first.isTruncated()).isTrue();
        assertThat(rest.users()).extracting(User::userName).containsExactly("big-3");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    void removingAUserFromAGroupLeavesBothBehind() {
        iam.createGroup(r -> r.groupName("leaving"));
        iam.createUser(r -> r.userName("leaver"));
        iam.addUserToGroup(r -> r.groupName("leaving").userName("leaver"));

        iam.removeUserFromGroup(r -> r.groupName("leaving").userName("leaver"));

        assertThat(iam.getGroup(r -> r.groupName("leaving")).users()).isEmpty();
        assertThat(iam.listGroupsForUser(r -> r.userName("leaver")).groups()).isEmpty();
        assertFails(() -> iam.removeUserFromGroup(r -> r.groupName("leaving").userName("leaver")), "NoSuchEntity", 404,
                "User leaver is not in group leaving.");
    }

    @Test
    void aGroupIsDeletedOnlyOnceEmptyAndWithoutPolicies() {
        iam.createGroup(r -> r.groupName("doomed"));
        iam.createUser(r -> r.userName("doomed-member"));
        iam.addUserToGroup(r -> r.groupName("doomed").userName("doomed-member"));
        iam.putGroupPolicy(r -> r.groupName("doomed").policyName("inline").policyDocument(allow("s3:*")));
        String policyArn = iam.createPolicy(r -> r.policyName("doomed-managed").policyDocument(allow("s3:*"))).policy().arn();
        iam.attachGroupPolicy(r -> r.groupName("doomed").policyArn(policyArn));

        assertFails(() -> iam.deleteGroup(r -> r.groupName("doomed")), "DeleteConflict", 409,
                "Cannot delete entity, must remove users from group first.");
        iam.removeUserFromGroup(r -> r.groupName("doomed").userName("doomed-member"));
        assertFails(() -> iam.deleteGroup(r -> r.groupName("doomed")), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteGroupPolicy(r -> r.groupName("doomed").policyName("inline"));
        assertFails(() -> iam.deleteGroup(r -> r.groupName("doomed")), "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");
        iam.detachGroupPolicy(r -> r.groupName("doomed").policyArn(policyArn));

        iam.deleteGroup(r -> r.groupName("doomed"));

        assertFails(() -> iam.getGroup(r -> r.groupName("doomed")), "NoSuchEntity", 404,
                "The group with name doomed cannot be found.");
    }

    @Test
    void duplicatesAndUnknownsAreRefused() {
        iam.createGroup(r -> r.groupName("Unique"));

        assertFails(() -> iam.createGroup(r -> r.groupName("unique")), "EntityAlreadyExists", 409,
                "Group with name unique already exists.");
        assertFails(() -> iam.addUserToGroup(r -> r.groupName("Unique").userName("ghost")), "NoSuchEntity", 404,
                "The user with name ghost cannot be found.");
    }

    @Test
    void aUserBelongsToAtMostTenGroups() {
        iam.createUser(r -> r.userName("joiner"));
        for (int i = 0; i < 10; i++) {
            String name = "club-" + i;
            iam.createGroup(r -> r.groupName(name));
            iam.addUserToGroup(r -> r.groupName(name).userName("joiner"));
        }
        iam.createGroup(r -> r.groupName("club-10"));

        assertFails(() -> iam.addUserToGroup(r -> r.groupName("club-10").userName("joiner")), "LimitExceeded", 409,
                "Cannot exceed quota for GroupsPerUser: 10");
    }
}
