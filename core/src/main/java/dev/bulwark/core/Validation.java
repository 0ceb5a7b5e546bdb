package dev.bulwark.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;

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

    /** A long's range, when it is present. */
    public Validation longRange(String member, Long value, long min, long max) {
        if (value != null && value < min) {
            violation(member, value, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            violation(member, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /**
     * A sensitive string's length (a secret value), when it is present. AWS never quotes
     * sensitive members: {@code Value at 'secretString' failed to satisfy constraint: ...}.
     */
    public Validation sensitive(String member, String value, int min, int max) {
        return value == null ? this : sensitiveLength(member, value.codePointCount(0, value.length()), min, max);
    }

    /** A sensitive blob's length, when it is present; its bytes are never quoted. */
    public Validation sensitive(String member, byte[] value, int min, int max) {
        return value == null ? this : sensitiveLength(member, value.length, min, max);
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

    /** A list's length, at least {@code min}, when it is present. */
    public Validation count(String member, Collection<?> values, int min, int max) {
        if (values != null && values.size() < min) {
            violation(member, values, "Member must have length greater than or equal to " + min);
        }
        return count(member, values, max);
    }

    /** A required string member of length {@code min..max}. */
    public Validation requiredText(String member, String value, int min, int max) {
        return required(member, value).length(member, value, min, max);
    }

    /** A string's length, when it is present. */
    public Validation length(String member, String value, int min, int max) {
        return string(member, value, min, max, null);
    }

    /** A blob's length, when it is present; AWS's front end quotes blobs as the Java ByteBuffer it holds. */
    public Validation length(String member, SdkBytes value, int min, int max) {
        if (value != null) {
            int length = value.asByteArrayUnsafe().length;
            String quoted = "java.nio.HeapByteBuffer[pos=0 lim=" + length + " cap=" + length + "]";
            if (length < min) {
                violation(member, quoted, "Member must have length greater than or equal to " + min);
            }
            if (length > max) {
                violation(member, quoted, "Member must have length less than or equal to " + max);
            }
        }
        return this;
    }

    /** A sensitive blob's length (a plaintext), when it is present; its bytes are never quoted. */
    public Validation sensitive(String member, SdkBytes value, int min, int max) {
        return value == null ? this : sensitiveLength(member, value.asByteArrayUnsafe().length, min, max);
    }

    /** A sensitive string's pattern, when it is present; the value is never quoted. */
    public Validation sensitivePattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return this;
    }

    /** A string's pattern, when it is present. */
    public Validation pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            violation(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    /**
     * A list whose members must each have length {@code min..max}. AWS reports a list member's
     * violation once for the whole list, naming every constraint of the member type:
     * {@code Value '[a, b]' at 'tagKeys' failed to satisfy constraint: Member must satisfy
     * constraint: [Member must have length less than or equal to 128, Member must have length
     * greater than or equal to 1]}.
     */
    public Validation eachLength(String member, List<String> values, int min, int max) {
        if (values != null && values.stream().anyMatch(value -> value != null
                && (value.codePointCount(0, value.length()) < min || value.codePointCount(0, value.length()) > max))) {
            violation(member, values, "Member must satisfy constraint: [Member must have length less than or equal to " + max
                    + ", Member must have length greater than or equal to " + min + "]");
        }
        return this;
    }

    /** A list of enum members, reported as {@link #eachLength} reports a list. */
    public Validation eachOneOf(String member, List<String> values, List<String> allowed) {
        if (values != null && !allowed.containsAll(values)) {
            violation(member, values, "Member must satisfy constraint: [Member must satisfy enum value set: ["
                    + String.join(", ", allowed) + "]]");
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

    private Validation sensitiveLength(String member, int length, int min, int max) {
        if (length < min) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return this;
    }

    private void violation(String member, Object value, String constraint) {
        errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }
}
