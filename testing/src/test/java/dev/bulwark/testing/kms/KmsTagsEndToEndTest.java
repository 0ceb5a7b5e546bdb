package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.testing.BulwarkTestServer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;

/** TagResource, UntagResource and ListResourceTags through the real AWS SDK for Java v2, against AWS's recorded answers. */
class KmsTagsEndToEndTest {
    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private static KeyMetadata createKey() {
        return kms.createKey(request -> request.description("test key 123").keyUsage("ENCRYPT_DECRYPT")).keyMetadata();
    }

    private static List<Tag> tagsOf(String keyId) {
        return kms.listResourceTags(request -> request.keyId(keyId)).tags();
    }

    @Test
    void tagExistingKeyAndUntagAsAwsRecorded() {
        KeyMetadata key = createKey();

        kms.tagResource(request -> request.keyId(key.keyId()).tags(tag("tag1", "value1"), tag("tag2", "value2")));
        assertThat(tagsOf(key.keyId())).extracting(Tag::tagKey, Tag::tagValue)
                .containsExactly(tuple("tag1", "value1"), tuple("tag2", "value2"));

        kms.untagResource(request -> request.keyId(key.keyId()).tagKeys("tag1", "tag2"));
        assertThat(tagsOf(key.keyId())).isEmpty();
    }

    @Test
    void updateAndAddTagsOnTaggedKeyAsAwsRecorded() {
        KeyMetadata key = kms.createKey(request -> request.tags(tag("tag1", "value1"), tag("tag2", "value2"), tag("tag3", "value3")))
                .keyMetadata();

        kms.tagResource(request -> request.keyId(key.keyId()).tags(tag("tag4", "value4"), tag("tag2", "updated_value2"),
                tag("tag5", "value5")));

        assertThat(tagsOf(key.keyId())).extracting(Tag::tagKey, Tag::tagValue).containsExactly(tuple("tag1", "value1"),
                tuple("tag2", "updated_value2"), tuple("tag3", "value3"), tuple("tag4", "value4"), tuple("tag5", "value5"));
        kms.untagResource(request -> request.keyId(key.keyId()).tagKeys("tag2"));
        assertThat(tagsOf(key.keyId())).extracting(Tag::tagKey).containsExactly("tag1", "tag3", "tag4", "tag5");
    }

    @Test
    void invalidTagsAreRefusedWithAwsRecordedErrors() {
        KeyMetadata key = createKey();

        assertKmsError(() -> kms.tagResource(request -> request.keyId(key.keyId()).tags(tag("tag1", "value1"),
                tag("tag1", "another-value1"))), "TagException", "Duplicate tag keys");
        assertKmsError(() -> kms.tagResource(request -> request.keyId(key.keyId()).tags(tag("aws:key1", "value1"))),
                "TagException", "Tags beginning with aws: are reserved");
        assertKmsError(() -> kms.tagResource(request -> request.keyId(key.keyId()).tags(tag("tag1", "v".repeat(257)))),
                "ValidationException", "1 validation error detected: Value '" + "v".repeat(257) + "' at 'tags.1.member.tagValue' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 256");
        assertKmsError(() -> kms.tagResource(request -> request.keyId(key.keyId())
                .tags(IntStream.rangeClosed(0, 50).mapToObj(i -> tag("key" + i, "value" + i)).toList())),
                "TagException", "Too many tags");
    }

    @Test
    void listResourceTagsPages() {
        KeyMetadata key = kms.createKey(request -> request.tags(IntStream.range(0, 5)
                .mapToObj(i -> tag("key" + i, "value" + i)).toList())).keyMetadata();

        var first = kms.listResourceTags(request -> request.keyId(key.keyId()).limit(3));
        var second = kms.listResourceTags(request -> request.keyId(key.keyId()).limit(3).marker(first.nextMarker()));

        assertThat(first.truncated()).isTrue();
        assertThat(first.tags()).extracting(Tag::tagKey).containsExactly("key0", "key1", "key2");
        assertThat(second.truncated()).isFalse();
        assertThat(second.tags()).extracting(Tag::tagKey).containsExactly("key3", "key4");
    }
}
