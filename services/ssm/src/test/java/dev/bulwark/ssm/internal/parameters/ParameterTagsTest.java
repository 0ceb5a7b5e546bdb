package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.testing.SsmTestKit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.Tag;

class ParameterTagsTest {
    private final SsmTestKit kit = new SsmTestKit();

    private void add(String id, Tag... tags) {
        kit.call(kit.caller(), "AddTagsToResource",
                AddTagsToResourceRequest.builder().resourceType("Parameter").resourceId(id).tags(tags).build());
    }

    private ListTagsForResourceResponse list(String id) {
        return kit.call(kit.caller(), "ListTagsForResource",
                ListTagsForResourceRequest.builder().resourceType("Parameter").resourceId(id).build());
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsAreAddedReplacedListedAndRemoved() {
        kit.put("/t", "v");
        add("/t", tag("team", "core"), tag("env", "dev"));
        add("t", tag("env", "prod"));

        assertThat(list("/t").tagList()).containsExactly(tag("team", "core"), tag("env", "prod"));
        assertThat(kit.lastAuthorization("ssm:AddTagsToResource").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/t");

        kit.call(kit.caller(), "RemoveTagsFromResource", RemoveTagsFromResourceRequest.builder().resourceType("Parameter")
                .resourceId("/t").tagKeys("team", "absent").build());
        assertThat(list("/t").tagList()).containsExactly(tag("env", "prod"));
        assertThat(kit.lastAuthorization("ssm:ListTagsForResource").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/t");
    }

    @Test
    void tagsSurviveNewVersions() {
        kit.put("/t", "v");
        add("/t", tag("team", "core"));
        kit.overwrite("/t", "w");

        assertThat(list("/t").tagList()).containsExactly(tag("team", "core"));
    }

    @Test
    void unknownResourcesAreInvalidResourceIds() {
        assertAwsError(() -> list("/none"), "InvalidResourceId", null);
        assertAwsError(() -> kit.call(kit.caller(), "ListTagsForResource",
                ListTagsForResourceRequest.builder().resourceType("Document").resourceId("doc").build()), "InvalidResourceId");
        assertAwsError(() -> kit.call(kit.caller(), "ListTagsForResource",
                ListTagsForResourceRequest.builder().resourceType("Bucket").resourceId("doc").build()), "ValidationException");
    }

    @Test
    void aParameterHoldsAtMostFiftyTagsAndAwsKeysAreReserved() {
        kit.put("/t", "v");
        add("/t", IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toArray(Tag[]::new));

        assertAwsError(() -> add("/t", tag("one-more", "v")), "TooManyTagsError");
        assertAwsError(() -> add("/t", tag("aws:owner", "v")), "ValidationException");
        assertAwsError(() -> add("/t", tag("k0", "bad\u0001value")), "ValidationException");
    }
}
