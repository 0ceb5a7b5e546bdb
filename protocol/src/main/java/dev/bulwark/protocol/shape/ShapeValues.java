package dev.bulwark.protocol.shape;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** Small facts about SDK model values that every wire codec needs. */
public final class ShapeValues {
    private ShapeValues() {
    }

    /**
     * Whether a member has no value to put on the wire: it is null, or it is a list or map
     * the SDK auto-constructed because nobody set it. The SDK omits such members when it
     * marshals, so a server that wants to look like AWS omits them too; an explicitly set
     * empty list is a value and is written.
     */
    public static boolean isAbsent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    /**
     * The value a member holds, as the client or service set it. {@link SdkField#getValueOrDefault}
     * fills unset idempotency tokens with a fresh random UUID on every call, which would put
     * tokens nobody sent into responses and audit records; the SDK offers no raw getter, so a
     * defaulted member whose value changes between two reads is treated as unset.
     */
    public static Object valueOf(SdkField<?> field, SdkPojo pojo) {
        Object value = field.getValueOrDefault(pojo);
        if (value != null && field.containsTrait(DefaultValueTrait.class)
                && !Objects.equals(value, field.getValueOrDefault(pojo))) {
            return null;
        }
        return value;
    }

    /** A fresh builder for a nested structure member. */
    public static SdkPojo newBuilder(SdkField<?> structureField) {
        Supplier<SdkPojo> constructor = structureField.constructor();
        if (constructor == null) {
            throw new IllegalStateException("Member " + structureField.memberName() + " is not a structure");
        }
        return constructor.get();
    }

    /** Builds the object a model builder (an SdkPojo that is also an SdkBuilder) describes. */
    public static Object build(SdkPojo builder) {
        if (builder instanceof SdkBuilder<?, ?> sdkBuilder) {
            return sdkBuilder.build();
        }
        throw new IllegalStateException(builder.getClass().getName() + " is not a model builder");
    }
}
