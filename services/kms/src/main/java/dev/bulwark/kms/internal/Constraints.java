package dev.bulwark.kms.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The model's member constraints (required, length, range, enum, pattern), checked the way AWS's
 * front end checks them: every violation of a request is collected and reported in one
 * ValidationException, worded as AWS words it:
 * <pre>
 * 2 validation errors detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member
 * must have value greater than or equal to 1; Value null at 'keyId' failed to satisfy constraint:
 * Member must not be null
 * </pre>
 * Member paths are the wire names with a lower-case first letter ({@code tags.1.member.tagKey}).
 * Sensitive members (plaintexts) never have their value quoted: {@code Value at 'plaintext' ...}.
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

    /** A required string member of length {@code min..max}. */
    public Constraints requiredText(String member, String value, int min, int max) {
        required(member, value);
        return length(member, value, min, max);
    }

    public Constraints length(String member, String value, int min, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            lengthBounds(member, "'" + value + "'", length, min, max);
        }
        return this;
    }

    public Constraints length(String member, SdkBytes value, int min, int max) {
        if (value != null) {
            // AWS's front end quotes blobs as the Java ByteBuffer it holds them in.
            int length = value.asByteArrayUnsafe().length;
            lengthBounds(member, "'java.nio.HeapByteBuffer[pos=0 lim=" + length + " cap=" + length + "]'", length, min, max);
        }
        return this;
    }

    /** A secret blob: its value is never quoted, as AWS quotes none for sensitive members. */
    public Constraints sensitiveLength(String member, SdkBytes value, int min, int max) {
        if (value != null) {
            sensitiveBounds(member, value.asByteArrayUnsafe().length, min, max);
        }
        return this;
    }

    /** A secret string (a password, a credential): its value is never quoted. */
    public Constraints sensitiveLength(String member, String value, int min, int max) {
        if (value != null) {
            sensitiveBounds(member, value.codePointCount(0, value.length()), min, max);
        }
        return this;
    }

    public Constraints sensitivePattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return this;
    }

    public Constraints size(String member, Collection<?> value, int min, int max) {
        if (value != null) {
            lengthBounds(member, "'" + value + "'", value.size(), min, max);
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
    public Constraints eachLength(String member, List<String> values, int min, int max) {
        if (values != null && values.stream().anyMatch(value -> value != null
                && (value.codePointCount(0, value.length()) < min || value.codePointCount(0, value.length()) > max))) {
            violations.add("Value '" + values + "' at '" + member + "' failed to satisfy constraint: Member must satisfy "
                    + "constraint: [Member must have length less than or equal to " + max
                    + ", Member must have length greater than or equal to " + min + "]");
        }
        return this;
    }

    /** A list of enum members, reported as {@link #eachLength} reports a list. */
    public Constraints eachOneOf(String member, List<String> values, List<String> allowed) {
        if (values != null && !allowed.containsAll(values)) {
            violations.add("Value '" + values + "' at '" + member + "' failed to satisfy constraint: Member must satisfy "
                    + "constraint: [Member must satisfy enum value set: [" + String.join(", ", allowed) + "]]");
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

    /**
     * An enum member; {@code allowed} in the order AWS lists the set in its message (which is not
     * the model's order).
     */
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

    private void sensitiveBounds(String member, int length, int min, int max) {
        if (length < min) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        } else if (length > max) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    private void lengthBounds(String member, String quoted, int length, int min, int max) {
        if (length < min) {
            violations.add("Value " + quoted + " at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        } else if (length > max) {
            violations.add("Value " + quoted + " at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }
}
