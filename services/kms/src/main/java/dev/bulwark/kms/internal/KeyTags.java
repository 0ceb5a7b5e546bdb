package dev.bulwark.kms.internal;

import dev.bulwark.core.Validation;
import dev.bulwark.kms.internal.KeyRecord.KeyTag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Tag rules, as CreateKey and TagResource apply them: model lengths (ValidationException naming
 * {@code tags.N.member.tagKey}), then at most {@value #MAX_TAGS} tags ({@code Too many tags}), no
 * key starting with {@code aws:} in any case ({@code Tags beginning with aws: are reserved}), no
 * key twice ({@code Duplicate tag keys}); the last three are TagExceptions.
 */
public final class KeyTags {
    public static final int MAX_TAGS = 50;

    private KeyTags() {
    }

    /** Checks tags given in a request; {@code null} reads as none. */
    public static List<KeyTag> validate(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        Validation constraints = Validation.check();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String path = "tags." + (i + 1) + ".member.";
            constraints.requiredText(path + "tagKey", tag.tagKey(), 1, 128)
                    .required(path + "tagValue", tag.tagValue())
                    .length(path + "tagValue", tag.tagValue(), 0, 256);
        }
        constraints.orThrow();
        if (tags.size() > MAX_TAGS) {
            throw KmsErrors.tag("Too many tags");
        }
        Set<String> keys = new HashSet<>();
        List<KeyTag> checked = new ArrayList<>();
        for (Tag tag : tags) {
            if (tag.tagKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw KmsErrors.tag("Tags beginning with aws: are reserved");
            }
            if (!keys.add(tag.tagKey())) {
                throw KmsErrors.tag("Duplicate tag keys");
            }
            checked.add(new KeyTag(tag.tagKey(), tag.tagValue()));
        }
        return checked;
    }
}
