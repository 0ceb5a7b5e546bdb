package dev.bulwark.iam.internal;

import dev.bulwark.core.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM's tag rules for users, roles and managed policies: at most 50 tags, keys of 1 to 128 and
 * values of 0 to 256 characters from AWS's tag alphabet, keys unique regardless of case (a new
 * value for {@code Env} replaces that of {@code env}), and the {@code aws:} prefix reserved.
 */
final class TagRules {
    private static final String RESERVED_PREFIX = "aws:";

    private TagRules() {
    }

    /** Adds the model's constraints on a tag list to a validation. */
    static Validation constraints(Validation validation, String member, List<Tag> tags) {
        if (tags == null) {
            return validation;
        }
        validation.count(member, tags, Constraints.TAGS_MAX);
        for (int i = 0; i < tags.size(); i++) {
            String prefix = member + "." + (i + 1) + ".member.";
            Tag tag = tags.get(i);
            validation.required(prefix + "key", tag.key()).required(prefix + "value", tag.value())
                    .string(prefix + "key", tag.key(), 1, 128, Constraints.TAG_KEY)
                    .string(prefix + "value", tag.value(), 0, 256, Constraints.TAG_VALUE);
        }
        return validation;
    }

    /** Adds the model's constraints on a list of tag keys (Untag*) to a validation. */
    static Validation keyConstraints(Validation validation, String member, List<String> keys) {
        validation.required(member, keys).count(member, keys, Constraints.TAGS_MAX);
        if (keys != null) {
            keys.forEach(key -> validation.string(member, key, 1, 128, Constraints.TAG_KEY));
        }
        return validation;
    }

    /** Refuses duplicate keys and reserved ones; returns the tags as stored. */
    static List<TagRecord> accept(List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<TagRecord> accepted = new ArrayList<>();
        for (Tag tag : tags) {
            if (!seen.add(fold(tag.key()))) {
                throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            if (fold(tag.key()).startsWith(RESERVED_PREFIX)) {
                throw IamErrors.invalidInput("Tag keys starting with 'aws:' are reserved for internal use.");
            }
            accepted.add(new TagRecord(tag.key(), tag.value()));
        }
        return accepted;
    }

    /** Adds or replaces tags, refusing to go past 50. */
    static List<TagRecord> merge(List<TagRecord> existing, List<TagRecord> added) {
        Map<String, TagRecord> byKey = new LinkedHashMap<>();
        existing.forEach(tag -> byKey.put(fold(tag.key()), tag));
        added.forEach(tag -> byKey.put(fold(tag.key()), tag));
        if (byKey.size() > Constraints.TAGS_MAX) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return List.copyOf(byKey.values());
    }

    static List<TagRecord> remove(List<TagRecord> existing, List<String> keys) {
        Set<String> removed = new HashSet<>();
        keys.forEach(key -> removed.add(fold(key)));
        return existing.stream().filter(tag -> !removed.contains(fold(tag.key()))).toList();
    }

    static List<Tag> toSdk(List<TagRecord> tags) {
        return tags.stream().map(tag -> Tag.builder().key(tag.key()).value(tag.value()).build()).toList();
    }

    /** {@code aws:RequestTag/<key>} and {@code aws:TagKeys}, for authorizing a request that sets tags. */
    static Map<String, List<String>> requestConditions(List<TagRecord> tags) {
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        if (!tags.isEmpty()) {
            tags.forEach(tag -> conditions.put("aws:RequestTag/" + tag.key(), List.of(tag.value())));
            conditions.put("aws:TagKeys", tags.stream().map(TagRecord::key).toList());
        }
        return conditions;
    }

    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
