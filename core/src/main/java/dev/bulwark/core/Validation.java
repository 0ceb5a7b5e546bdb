package dev.bulwark.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks request members against the constraints of AWS's service models (length, pattern,
 * range, enumeration, presence) and reports every violation at once, in AWS's words:
 *
 * <pre>{@code
 * 1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: [\w+=,.@-]+
 * }</pre>
 *
 * Each failed constraint is one error, so an empty name breaks both its length and its
 * pattern. Members are named as AWS names them in these messages: the model's member name
 * with a lower-case first letter. The error is {@code ValidationException} in the JSON
 * protocols and {@code ValidationError} in the query protocol, with status 400 in both.
 */
public final class Validation {
    private final List<String> errors = new ArrayList<>();

    public static Validation check() {
        return new Validation();
    }

    /** A member that must be present. */
    public Validation required(String member, Object value) {
        if (value == null) {
            errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** A string's length and pattern, when it is present; a null pattern checks length only. */
    public Validation string(String member, String value, int min, int max, String pattern) {
        if (value == null) {
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            violation(member, value, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            violation(member, value, "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !Pattern.matches(pattern, value)) {
            violation(member, value, "Member must satisfy regular expression pattern: " + pattern);
        }
        return this;
    }

    /** A number's range, when it is present. */
    public Validation range(String member, Integer value, int min, int max) {
        if (value != null && value < min) {
            violation(member, value, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            violation(member, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /** A value from an enumeration, when it is present. */
    public Validation oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violation(member, value, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /** A list's length, when it is present. */
    public Validation count(String member, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            violation(member, values, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** Throws AWS's {@code ValidationError} listing every violation found. */
    public void orThrow() {
        if (errors.isEmpty()) {
            return;
        }
        String count = errors.size() == 1 ? "1 validation error" : errors.size() + " validation errors";
        throw new ProtocolNamedError("ValidationException", 400, "ValidationError", 400,
                count + " detected: " + String.join("; ", errors));
    }

    private void violation(String member, Object value, String constraint) {
        errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }
}
