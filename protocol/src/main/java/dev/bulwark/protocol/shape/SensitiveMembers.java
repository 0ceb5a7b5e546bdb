package dev.bulwark.protocol.shape;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;

/**
 * Which members of an SDK model class AWS marks {@code sensitive} (KMS {@code Plaintext},
 * Secrets Manager {@code SecretString}, ...), so audit records can leave them out.
 *
 * <p>The SDK does not expose the {@code sensitive} trait as metadata: the code generator
 * only bakes it into each class's {@code toString()}, which prints
 * {@code Member=*** Sensitive Data Redacted ***} instead of the value. So this class asks
 * {@code toString()}: once per model class it builds a probe instance with every member set
 * to a harmless placeholder and records the members the SDK redacted. Nested structures,
 * lists and maps are probed empty, so their own member names never appear in the probe's
 * text and cannot be mistaken for the owner's.
 */
public final class SensitiveMembers {
    private static final String REDACTED = "=*** Sensitive Data Redacted ***";

    private static final ClassValue<Set<String>> SENSITIVE_BY_CLASS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> modelClass) {
            return probe(modelClass);
        }
    };

    private SensitiveMembers() {
    }

    /** Whether {@code member} of {@code owner} (a built model object) is sensitive. */
    public static boolean isSensitive(SdkPojo owner, SdkField<?> member) {
        return SENSITIVE_BY_CLASS.get(owner.getClass()).contains(member.memberName());
    }

    private static Set<String> probe(Class<?> modelClass) {
        SdkPojo builder = newBuilder(modelClass);
        for (SdkField<?> field : builder.sdkFields()) {
            field.set(builder, placeholder(field));
        }
        String text = ShapeValues.build(builder).toString();
        Set<String> sensitive = new HashSet<>();
        for (SdkField<?> field : builder.sdkFields()) {
            String redacted = field.memberName() + REDACTED;
            if (text.contains("(" + redacted) || text.contains(", " + redacted)) {
                sensitive.add(field.memberName());
            }
        }
        return Set.copyOf(sensitive);
    }

    private static SdkPojo newBuilder(Class<?> modelClass) {
        try {
            return (SdkPojo) modelClass.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalArgumentException(modelClass.getName() + " is not an SDK model class", e);
        }
    }

    private static Object placeholder(SdkField<?> field) {
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> "";
            case INTEGER -> 0;
            case LONG -> 0L;
            case SHORT -> (short) 0;
            case BYTE -> (byte) 0;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case BIG_DECIMAL -> java.math.BigDecimal.ZERO;
            case BOOLEAN -> Boolean.FALSE;
            case INSTANT -> Instant.EPOCH;
            case SDK_BYTES -> SdkBytes.fromByteArray(new byte[0]);
            case SDK_POJO -> ShapeValues.build(ShapeValues.newBuilder(field));
            case LIST -> List.of();
            case MAP -> Map.of();
            case DOCUMENT -> Document.fromNull();
            case NULL -> null;
        };
    }
}
