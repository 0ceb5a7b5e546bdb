package dev.bulwark.iam.internal;

import dev.bulwark.core.Validation;
/**
 * The patterns and limits of IAM's model, written as AWS writes them in validation messages
 * (Java's regular expressions read the {@code \u002F} escapes too).
 */
final class Constraints {
    static final String NAME = "[\\w+=,.@-]+";
    static final String PATH = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    static final String PATH_PREFIX = "\\u002F[\\u0021-\\u007F]*";
    static final String POLICY_PATH = "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/";
    static final String POLICY_DOCUMENT = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    static final String DESCRIPTION = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*";
    static final String MARKER = "[\\u0020-\\u00FF]+";
    static final String ACCESS_KEY_ID = "[\\w]+";
    static final String VERSION_ID = "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?";
    static final String TAG_KEY = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    static final String TAG_VALUE = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    static final int USER_NAME_MAX = 64;
    static final int EXISTING_USER_NAME_MAX = 128;
    static final int GROUP_NAME_MAX = 128;
    static final int ROLE_NAME_MAX = 64;
    static final int POLICY_NAME_MAX = 128;
    static final int PATH_MAX = 512;
    static final int ARN_MIN = 20;
    static final int ARN_MAX = 2048;
    static final int POLICY_DOCUMENT_MAX = 131072;
    static final int DESCRIPTION_MAX = 1000;
    static final int MARKER_MAX = 320;
    static final int MAX_ITEMS_MAX = 1000;
    static final int TAGS_MAX = 50;

    private Constraints() {
    }

    /** A name member of the usual shape: one to {@code max} characters of {@link #NAME}. */
    static Validation name(Validation validation, String member, String value, int max) {
        return validation.string(member, value, 1, max, NAME);
    }

    /** Marker and MaxItems, which every listing takes. */
    static Validation paging(Validation validation, String marker, Integer maxItems) {
        return validation.string("marker", marker, 1, MARKER_MAX, MARKER).range("maxItems", maxItems, 1, MAX_ITEMS_MAX);
    }
}
