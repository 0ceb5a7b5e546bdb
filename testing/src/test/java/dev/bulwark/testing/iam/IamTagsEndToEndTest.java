package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.accountRoot;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static dev.bulwark.testing.iam.IamTesting.trust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/** Tags on users and roles: TagUser, UntagUser, ListUserTags, TagRole, UntagRole, ListRoleTags. */
class IamTagsEndToEndTest {
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
    void tagsAreAddedReplacedListedAndRemoved() {
        iam.createUser(r -> r.userName("tagged").tags(tag("Env", "dev")));

        iam.tagUser(r -> r.userName("tagged").tags(tag("env", "prod"), tag("team", "blue")));

        assertThat(iam.listUserTags(r -> r.userName("tagged")).tags()).containsExactly(tag("env", "prod"), tag("team", "blue"));
        iam.untagUser(r -> r.userName("tagged").tagKeys("TEAM", "absent"));
        assertThat(iam.listUserTags(r -> r.userName("tagged")).tags()).containsExactly(tag("env", "prod"));
    }

    @Test
    void rolesAreTaggedTheSameWay() {
        iam.createRole(r -> r.roleName("tagged-role").assumeRolePolicyDocument(trust(accountRoot())));

        iam.tagRole(r -> r.roleName("tagged-role").tags(tag("cost-center", "42")));
        ListUserTagsResponse none = iam.listUserTags(r -> r.userName(createUser("untagged")));

        assertThat(iam.listRoleTags(r -> r.roleName("tagged-role")).tags()).containsExactly(tag("cost-center", "42"));
        assertThat(iam.getRole(r -> r.roleName("tagged-role")).role().tags()).containsExactly(tag("cost-center", "42"));
        assertThat(none.tags()).isEmpty();
        iam.untagRole(r -> r.roleName("tagged-role").tagKeys("cost-center"));
        assertThat(iam.listRoleTags(r -> r.roleName("tagged-role")).tags()).isEmpty();
    }

    @Test
    void anEntityHasAtMostFiftyTags() {
        iam.createUser(r -> r.userName("crowded"));
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("key-" + i, "v"));
        }
        iam.tagUser(r -> r.userName("crowded").tags(fifty));

        assertFails(() -> iam.tagUser(r -> r.userName("crowded").tags(tag("one-more", "v"))), "LimitExceeded", 409,
                "The number of tags has reached the maximum limit.");
        iam.tagUser(r -> r.userName("crowded").tags(tag("key-0", "replaced")));
        ListUserTagsResponse page = iam.listUserTags(r -> r.userName("crowded").maxItems(20));
        assertThat(page.tags()).hasSize(20);
        assertThat(page.isTruncated()).isTrue();
    }

    @Test
    void tagKeysAreValidatedAndTheAwsPrefixIsReserved() {
        iam.createUser(r -> r.userName("strict"));

        assertFails(() -> iam.tagUser(r -> r.userName("strict").tags(tag("aws:owner", "me"))), "InvalidInput", 400,
                "Tag keys starting with 'aws:' are reserved for internal use.");
        assertFails(() -> iam.tagUser(r -> r.userName("strict").tags(tag("a", "1"), tag("A", "2"))), "InvalidInput", 400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        assertFails(() -> iam.tagUser(r -> r.userName("strict").tags(tag("bad#key", "1"))), "ValidationError", 400,
                "1 validation error detected: Value 'bad#key' at 'tags.1.member.key' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    }

    private static String createUser(String name) {
        iam.createUser(r -> r.userName(name));
        return name;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
