package dev.bulwark.kms.internal.tags;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;

class TaggingTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Tagging tagging = new Tagging(kit.core);

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private KeyMetadata createKey(Tag... tags) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().tags(tags).build()).keyMetadata();
    }

    private void tag(String keyId, Tag... tags) {
        tagging.tagResource(kit.caller(), TagResourceRequest.builder().keyId(keyId).tags(tags).build());
    }

    private void untag(String keyId, String... tagKeys) {
        tagging.untagResource(kit.caller(), UntagResourceRequest.builder().keyId(keyId).tagKeys(tagKeys).build());
    }

    private List<Tag> tagsOf(String keyId) {
        return tagging.listResourceTags(kit.caller(), ListResourceTagsRequest.builder().keyId(keyId).build()).tags();
    }

    @Test
    void tagsAreAddedUpdatedInPlaceAndRemovedAsAwsRecorded() {
        KeyMetadata key = createKey(tag("tag1", "value1"), tag("tag2", "value2"), tag("tag3", "value3"));

        tag(key.keyId(), tag("tag4", "value4"), tag("tag2", "updated_value2"), tag("tag5", "value5"));

        assertThat(tagsOf(key.keyId())).extracting(Tag::tagKey, Tag::tagValue).containsExactly(
                tuple("tag1", "value1"), tuple("tag2", "updated_value2"), tuple("tag3", "value3"),
                tuple("tag4", "value4"), tuple("tag5", "value5"));
        untag(key.arn(), "tag2", "absent");
        assertThat(tagsOf(key.keyId())).extracting(Tag::tagKey).containsExactly("tag1", "tag3", "tag4", "tag5");
        untag(key.keyId(), "tag1", "tag3", "tag4", "tag5");
        assertThat(tagsOf(key.keyId())).isEmpty();
    }

    @Test
    void taggingIsAuthorizedWithTheRequestTagsAndTagsBecomeResourceTags() {
        KeyMetadata key = createKey();

        tag(key.keyId(), tag("team", "blue"), tag("env", ""));

        assertThat(kit.lastConditions("kms:TagResource")).containsEntry("aws:RequestTag/team", List.of("blue"))
                .containsEntry("aws:TagKeys", List.of("team", "env"));
        untag(key.keyId(), "env");
        assertThat(kit.lastConditions("kms:UntagResource")).containsEntry("aws:TagKeys", List.of("env"))
                .containsEntry("aws:ResourceTag/team", List.of("blue"));
        lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(key.keyId()).build());
        assertThat(kit.lastConditions("kms:DescribeKey")).containsEntry("aws:ResourceTag/team", List.of("blue"));
    }

    @Test
    void tagsFollowAwsRules() {
        KeyMetadata key = createKey();

        assertAwsError(() -> tag(key.keyId(), tag("aws:key1", "value1")), "TagException", "Tags beginning with aws: are reserved");
        assertAwsError(() -> tag(key.keyId(), tag("tag1", "value1"), tag("tag1", "another-value1")), "TagException",
                "Duplicate tag keys");
        assertAwsError(() -> tag(key.keyId(), tag("tag1", "v".repeat(257))), "ValidationException",
                "1 validation error detected: Value '" + "v".repeat(257) + "' at 'tags.1.member.tagValue' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 256");
        assertAwsError(() -> tagging.tagResource(kit.caller(), TagResourceRequest.builder().keyId(key.keyId()).build()),
                "ValidationException", "1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
                        + "Member must not be null");
        assertAwsError(() -> untag(key.keyId(), "AWS:key1"), "TagException", "Tags beginning with aws: are reserved");
        assertAwsError(() -> untag(key.keyId(), "a".repeat(129)), "ValidationException", "1 validation error detected: Value '["
                + "a".repeat(129) + "]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: "
                + "[Member must have length less than or equal to 128, Member must have length greater than or equal to 1]");
    }

    @Test
    void aKeyCarriesAtMostFiftyTagsInAll() {
        KeyMetadata key = createKey(IntStream.range(0, 40).mapToObj(i -> tag("key" + i, "value")).toArray(Tag[]::new));

        tag(key.keyId(), IntStream.range(30, 50).mapToObj(i -> tag("key" + i, "updated")).toArray(Tag[]::new));
        assertThat(tagsOf(key.keyId())).hasSize(50);

        assertAwsError(() -> tag(key.keyId(), tag("one-too-many", "v")), "TagException", "Too many tags");
        assertThat(tagsOf(key.keyId())).hasSize(50);
    }

    @Test
    void listResourceTagsPages() {
        KeyMetadata key = createKey(IntStream.range(0, 7).mapToObj(i -> tag("key" + i, "value" + i)).toArray(Tag[]::new));

        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            ListResourceTagsResponse page = tagging.listResourceTags(kit.caller(),
                    ListResourceTagsRequest.builder().keyId(key.keyId()).limit(3).marker(marker).build());
            page.tags().forEach(tag -> seen.add(tag.tagKey()));
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);

        assertThat(seen).containsExactly("key0", "key1", "key2", "key3", "key4", "key5", "key6");
        assertAwsError(() -> tagging.listResourceTags(kit.caller(), ListResourceTagsRequest.builder().keyId(key.keyId())
                .marker("garbage").build()), "InvalidMarkerException",
                "The marker that specifies where pagination should next begin is not valid.");
    }

    @Test
    void keysPendingDeletionAndAwsManagedKeysCannotBeTagged() {
        KeyMetadata key = createKey(tag("t", "v"));
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).build());

        assertAwsError(() -> tag(key.keyId(), tag("x", "y")), "KMSInvalidStateException", key.arn() + " is pending deletion.");
        assertAwsError(() -> untag(key.keyId(), "t"), "KMSInvalidStateException", key.arn() + " is pending deletion.");
        assertThat(tagsOf(key.keyId())).extracting(Tag::tagKey).containsExactly("t");

        KeyMetadata managed = lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId("alias/aws/ebs").build())
                .keyMetadata();
        assertAwsError(() -> tag(managed.keyId(), tag("x", "y")), "AccessDeniedException", "User: "
                + kit.caller().principal().arn() + " is not authorized to perform: kms:TagResource on resource: "
                + managed.arn() + " because no resource-based policy allows the kms:TagResource action");
        assertAwsErrorCode(() -> untag(managed.keyId(), "x"), "AccessDeniedException");
        assertThat(tagsOf(managed.keyId())).isEmpty();
    }
}
