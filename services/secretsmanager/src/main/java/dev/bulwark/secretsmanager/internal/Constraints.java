package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.CommonErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The model's member constraints (required, length, range, pattern), checked the way AWS's front
 * end checks them: every violation of a request is collected and reported in one
 * ValidationException, worded as AWS words it ({@code 1 validation error detected: Value 'x' at
 * 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal
 * to 32}). Sensitive members (secret values) never have their value quoted.
 *
 * <p>The protocol binder does not check constraints (the SDK model classes do not carry them), so
 * each handler states its request's constraints here before acting.
 */
public final class Constraints {
    private final List<String> violations = new ArrayList<>();

    public static Constraints check() {
        return new Constraints();
    }

    public Constraints required(String member, Object value) {
        if (value == null) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    public Constraints length(String member, String value, int min, int max) {
        if (value != null) {
            bounds("Value '" + value + "' at '" + member + "'", value.codePointCount(0, value.length()), min, max, "length");
        }
        return this;
    }

    /** A secret string: its length is checked, its value never quoted. */
    public Constraints sensitiveLength(String member, String value, int min, int max) {
        if (value != null) {
            bounds("Value at '" + member + "'", value.codePointCount(0, value.length()), min, max, "length");
        }
        return this;
    }

    public Constraints sensitiveLength(String member, SdkBytes value, int min, int max) {
        if (value != null) {
            bounds("Value at '" + member + "'", value.asByteArrayUnsafe().length, min, max, "length");
        }
        return this;
    }

    public Constraints size(String member, Collection<?> value, int min, int max) {
        if (value != null) {
            bounds("Value '" + value + "' at '" + member + "'", value.size(), min, max, "length");
        }
        return this;
    }

    public Constraints range(String member, Number value, long min, long max) {
        if (value != null) {
            bounds("Value '" + value + "' at '" + member + "'", value.longValue(), min, max, "value");
        }
        return this;
    }

    public Constraints pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    public Constraints oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /** Throws the collected violations, if any, as one ValidationException. */
    public void validate() {
        if (!violations.isEmpty()) {
            String count = violations.size() == 1 ? "1 validation error detected: "
                    : violations.size() + " validation errors detected: ";
            throw CommonErrors.validation(count + String.join("; ", violations));
        }
    }

    private void bounds(String subject, long actual, long min, long max, String what) {
        if (actual < min) {
            violations.add(subject + " failed to satisfy constraint: Member must have " + what
                    + " greater than or equal to " + min);
        } else if (actual > max) {
            violations.add(subject + " failed to satisfy constraint: Member must have " + what
                    + " less than or equal to " + max);
        }
    }
}
