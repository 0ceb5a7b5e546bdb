package dev.bulwark.ssm.internal;

import dev.bulwark.core.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Tags on parameters: keys of 1 to 128 and values of 0 to 256 letters, digits, spaces and
 * {@code _ . : / = + - @}; keys beginning with {@code aws:} are AWS's own; at most 50 tags on a
 * parameter. Adding a tag with a key the parameter has replaces its value.
 */
public final class TagRules {
    public static final int MAX_TAGS = 50;
    private static final Pattern TAG_TEXT = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private TagRules() {
    }

    /** Checks the request's tags against the model; {@code member} is the wire path ({@code tags}). */
    public static void check(String member, List<Tag> tags) {
        Validation constraints = Validation.check().count(member, tags, 0, 1000);
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String path = member + "." + (i + 1) + ".member";
            constraints.requiredText(path + ".key", tag.key(), 1, 128)
                    .pattern(path + ".key", tag.key(), TAG_TEXT)
                    .requiredText(path + ".value", tag.value(), 0, 256)
                    .pattern(path + ".value", tag.value(), TAG_TEXT);
        }
        constraints.orThrow();
        if (tags.stream().anyMatch(tag -> tag.key().startsWith("aws:"))) {
            throw SsmErrors.reservedTagKey();
        }
    }

    /** The tags after adding some to those a parameter has. */
    public static Map<String, String> added(Map<String, String> existing, List<Tag> tags) {
        Map<String, String> result = new LinkedHashMap<>(existing);
        tags.forEach(tag -> result.put(tag.key(), tag.value()));
        if (result.size() > MAX_TAGS) {
            throw SsmErrors.tooManyTags();
        }
        return result;
    }

    public static List<Tag> asList(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
    }
}
