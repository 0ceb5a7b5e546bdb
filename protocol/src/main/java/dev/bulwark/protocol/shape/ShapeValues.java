package dev.bulwark.protocol.shape;

import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
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
