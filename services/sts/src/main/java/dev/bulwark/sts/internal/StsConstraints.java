package dev.bulwark.sts.internal;

import dev.bulwark.core.Validation;
import java.util.List;
import software.amazon.awssdk.services.sts.model.Tag;

/** The patterns and limits of STS's model, as AWS writes them in validation messages. */
final class StsConstraints {
    static final String SESSION_NAME = "[\\w+=,.@-]*";
    static final String EXTERNAL_ID = "[\\w+=,.@:\\/-]*";
    static final String SERIAL_NUMBER = "[\\w+=/:,.@-]*";
    static final String TOKEN_CODE = "[\\d]*";
    static final String POLICY_DOCUMENT = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    static final String ACCESS_KEY_ID = "[\\w]*";
    static final String TAG_KEY = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    static final String TAG_VALUE = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    static final int ARN_MIN = 20;
    static final int ARN_MAX = 2048;
    static final int TAGS_MAX = 50;

    private StsConstraints() {
    }

    /** SerialNumber and TokenCode, the MFA members AssumeRole and GetSessionToken share. */
    static Validation mfa(Validation validation, String serialNumber, String tokenCode) {
        return validation.string("serialNumber", serialNumber, 9, 256, SERIAL_NUMBER)
                .string("tokenCode", tokenCode, 6, 6, TOKEN_CODE);
    }

    static Validation tags(Validation validation, List<Tag> tags) {
        validation.count("tags", tags, TAGS_MAX);
        for (int i = 0; i < tags.size(); i++) {
            String prefix = "tags." + (i + 1) + ".member.";
            Tag tag = tags.get(i);
            validation.required(prefix + "key", tag.key()).required(prefix + "value", tag.value())
                    .string(prefix + "key", tag.key(), 1, 128, TAG_KEY)
                    .string(prefix + "value", tag.value(), 0, 256, TAG_VALUE);
        }
        return validation;
    }
}
