package dev.bulwark.ssm.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The model's member constraints (required, length, range, enum, pattern), checked as AWS's front
 * end checks them: every violation in a request is collected and reported in one
 * ValidationException, worded as AWS words it:
 * <pre>
 * 1 validation error detected: Value '60' at 'maxResults' failed to satisfy constraint: Member must
 * have value less than or equal to 50
 * </pre>
 * Member paths are the wire names with a lower-case first letter ({@code parameterFilters.1.member.key}).
 * Sensitive members (parameter values) never have their value quoted.
 *
 * <p>The protocol binder does not check constraints (the SDK model classes do not carry them), so each
 * handler states its request's constraints here before acting.
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

    /** A required string member of length {@code min..max}. */
    public Constraints requiredText(String member, String value, int min, int max) {
        required(member, value);
        return length(member, value, min, max);
    }

    public Constraints length(String member, String value, int min, int max) {
        if (value != null) {
            lengthBounds("Value '" + value + "'", member, value.codePointCount(0, value.length()), min, max);
        }
        return this;
    }

    /** A secret member: its value is never quoted. */
    public Constraints sensitiveLength(String member, String value, int min) {
        if (value != null && value.isEmpty() && min > 0) {
            violations.add("Value '' at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        return this;
    }

    public Constraints size(String member, Collection<?> value, int min, int max) {
        if (value != null) {
            lengthBounds("Value '" + value + "'", member, value.size(), min, max);
        }
        return this;
    }

    public Constraints range(String member, Integer value, int min, int max) {
        if (value != null) {
            if (value < min) {
                violations.add("Value '" + value + "' at '" + member
                        + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
            } else if (value > max) {
                violations.add("Value '" + value + "' at '" + member
                        + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
            }
        }
        return this;
    }

    /** An enum member; {@code allowed} in the order AWS lists the set in its message. */
    public Constraints oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
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

    /** Throws the collected violations, if any, as one ValidationException. */
    public void validate() {
        if (!violations.isEmpty()) {
            throw failure();
        }
    }

    private AwsException failure() {
        String count = violations.size() == 1 ? "1 validation error detected: " : violations.size() + " validation errors detected: ";
        return CommonErrors.validation(count + String.join("; ", violations));
    }

    private void lengthBounds(String quoted, String member, int length, int min, int max) {
        if (length < min) {
            violations.add(quoted + " at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        } else if (length > max) {
            violations.add(quoted + " at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }
}
