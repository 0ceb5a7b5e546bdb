package dev.bulwark.kms.internal.tags;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyRecord.KeyTag;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KeyTags;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.Markers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.TagResourceResponse;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListResourceTags, on customer managed keys named by key id or
 * key ARN.
 *
 * <p>TagResource checks the request's tags as CreateKey does ({@link KeyTags}), then adds them:
 * a new key goes last, an existing key keeps its place and takes the new value; a key may carry
 * at most {@value KeyTags#MAX_TAGS} tags in all ({@code TagException: Too many tags}).
 * UntagResource removes the keys it names and ignores keys the key does not have, as AWS does.
 * Both refuse keys pending deletion (KMSInvalidStateException) and AWS managed keys, whose policy
 * does not let the account tag them (AccessDeniedException). ListResourceTags lists in the order
 * the tags were added, pages with Limit 1..50 (default 50; more is served as 50, as AWS documents
 * 1..50 though the model allows 1000), and works in every key state and on AWS managed keys (which
 * have no tags).
 */
public final class Tagging {
    private static final int MAX_LIST_LIMIT = 50;
    private static final Set<KeyState> TAGGABLE = EnumSet.complementOf(
            EnumSet.of(KeyState.PendingDeletion, KeyState.PendingReplicaDeletion));

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public Tagging(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public TagResourceResponse tagResource(Caller caller, TagResourceRequest request) {
        List<Tag> requestTags = request.hasTags() ? request.tags() : null;
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("tags", requestTags)
                .orThrow();
        List<KeyTag> tags = KeyTags.validate(requestTags);
        transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:TagResource", requestTags(tags));
            key.requireState(TAGGABLE);
            Map<String, String> merged = new LinkedHashMap<>();
            key.record().tags().forEach(tag -> merged.put(tag.key(), tag.value()));
            tags.forEach(tag -> merged.put(tag.key(), tag.value()));
            if (merged.size() > KeyTags.MAX_TAGS) {
                throw KmsErrors.tag("Too many tags");
            }
            List<KeyTag> updated = merged.entrySet().stream().map(tag -> new KeyTag(tag.getKey(), tag.getValue())).toList();
            records.putKey(tx, key.with(key.record().withTags(updated)));
            return null;
        });
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(Caller caller, UntagResourceRequest request) {
        List<String> tagKeys = request.hasTagKeys() ? request.tagKeys() : null;
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("tagKeys", tagKeys)
                .eachLength("tagKeys", tagKeys, 1, 128)
                .orThrow();
        if (tagKeys.stream().anyMatch(tagKey -> tagKey.toLowerCase(Locale.ROOT).startsWith("aws:"))) {
            throw KmsErrors.tag("Tags beginning with aws: are reserved");
        }
        transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:UntagResource",
                    conditions -> conditions.put("aws:TagKeys", tagKeys));
            key.requireState(TAGGABLE);
            List<KeyTag> kept = key.record().tags().stream().filter(tag -> !tagKeys.contains(tag.key())).toList();
            records.putKey(tx, key.with(key.record().withTags(kept)));
            return null;
        });
        return UntagResourceResponse.builder().build();
    }

    public ListResourceTagsResponse listResourceTags(Caller caller, ListResourceTagsRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .orThrow();
        int start = start(request.marker());
        int limit = Math.min(request.limit() == null ? MAX_LIST_LIMIT : request.limit(), MAX_LIST_LIMIT);
        KmsKey key = transactions.read(tx -> access.byKeyId(tx, caller, request.keyId(), "kms:ListResourceTags"));
        List<KeyTag> tags = key.record().tags();
        int end = Math.min(tags.size(), start + limit);
        ListResourceTagsResponse.Builder response = ListResourceTagsResponse.builder()
                .tags(tags.subList(Math.min(start, end), end).stream()
                        .map(tag -> Tag.builder().tagKey(tag.key()).tagValue(tag.value()).build())
                        .toList())
                .truncated(end < tags.size());
        if (end < tags.size()) {
            response.nextMarker(Markers.encode(Integer.toString(end)));
        }
        return response.build();
    }

    /** {@code aws:RequestTag/<key>} per tag and {@code aws:TagKeys}, for policies that govern tagging. */
    private static UnaryOperator<KmsConditions> requestTags(List<KeyTag> tags) {
        return conditions -> {
            tags.forEach(tag -> conditions.put("aws:RequestTag/" + tag.key(), tag.value()));
            return conditions.put("aws:TagKeys", tags.stream().map(KeyTag::key).toList());
        };
    }

    /** Where a page starts: the position a marker names (ListResourceTags' markers count tags). */
    private static int start(String marker) {
        if (marker == null) {
            return 0;
        }
        try {
            int position = Integer.parseInt(Markers.decode(marker));
            if (position < 0) {
                throw KmsErrors.invalidMarker();
            }
            return position;
        } catch (NumberFormatException notOurs) {
            throw KmsErrors.invalidMarker();
        }
    }
}
