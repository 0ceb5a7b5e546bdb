package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Secret tags: the model's limits (key 1 to 128, value 0 to 256 characters, at most
 * {@value #MAX_TAGS} per secret, as AWS's tagging quota), merging by key, and the request's tag
 * condition keys ({@code aws:RequestTag/<key>}, {@code aws:TagKeys}).
 */
public final class Tags {
    public static final int MAX_TAGS = 50;

    private Tags() {
    }

    public static Validation check(Validation validation, List<Tag> tags) {
        if (tags != null) {
            for (Tag tag : tags) {
                validation.required("tags.member.key", tag.key()).string("tags.member.key", tag.key(), 1, 128, null)
                        .required("tags.member.value", tag.value()).string("tags.member.value", tag.value(), 0, 256, null);
            }
        }
        return validation;
    }

    public static List<SecretRecord.Tag> fromRequest(List<Tag> tags) {
        return merge(List.of(), tags);
    }

    /** Adds or replaces tags by key, keeping the order tags were first added in. */
    public static List<SecretRecord.Tag> merge(List<SecretRecord.Tag> current, List<Tag> added) {
        Map<String, String> merged = new LinkedHashMap<>();
        current.forEach(tag -> merged.put(tag.key(), tag.value()));
        added.forEach(tag -> merged.put(tag.key(), tag.value()));
        if (merged.size() > MAX_TAGS) {
            throw SecretsErrors.limitExceeded("A secret can have at most " + MAX_TAGS + " tags.");
        }
        List<SecretRecord.Tag> result = new ArrayList<>();
        merged.forEach((key, value) -> result.add(new SecretRecord.Tag(key, value)));
        return result;
    }

    public static Map<String, List<String>> requestKeys(List<Tag> tags) {
        Map<String, List<String>> keys = new HashMap<>();
        if (tags.isEmpty()) {
            return keys;
        }
        for (Tag tag : tags) {
            keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value()));
        }
        keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
        return keys;
    }
}
