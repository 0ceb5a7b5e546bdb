package dev.bulwark.protocol.query;

import dev.bulwark.core.AwsException;
import dev.bulwark.protocol.shape.ShapeValues;
import dev.bulwark.protocol.shape.Timestamps;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Fills an SDK model builder from awsQuery's flattened form parameters, driven only by the
 * model's {@link SdkPojo#sdkFields()} metadata. The form is the SDK query marshaller's:
 * <ul>
 *   <li>scalars {@code Name=value}; booleans {@code true|false}; timestamps ISO-8601; blobs base64;</li>
 *   <li>nested structures {@code Name.Child=value};</li>
 *   <li>lists {@code Name.member.1}, {@code Name.member.2}, ... (1-based; flattened lists
 *       {@code Name.1}), and {@code Name=} alone for an explicitly empty list;</li>
 *   <li>maps {@code Name.entry.1.key} / {@code Name.entry.1.value} under the map's
 *       key and value location names ({@code Name.1.key} when flattened).</li>
 * </ul>
 * List and map indexes are read from 1 until the first gap, as AWS does. Unknown
 * parameters are ignored; a value that does not parse is a {@code ValidationError}.
 */
final class QueryFormReader {
    private static final String DEFAULT_LIST_MEMBER = "member";

    private final NavigableMap<String, String> params;

    /** @param params the decoded form, first value of each name */
    QueryFormReader(Map<String, String> params) {
        this.params = new TreeMap<>(params);
    }

    void read(SdkPojo builder) {
        readStructure("", builder);
    }

    private void readStructure(String prefix, SdkPojo builder) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = read(prefix + field.locationName(), field);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    /** The value at {@code path}, or null when the form has none. */
    private Object read(String path, SdkField<?> field) {
        return switch (field.marshallingType().getKnownType()) {
            case SDK_POJO -> hasChildren(path) ? structure(path, field) : null;
            case LIST -> list(path, field);
            case MAP -> map(path, field);
            default -> {
                String text = params.get(path);
                yield text == null ? null : scalar(path, field, text);
            }
        };
    }

    private Object structure(String path, SdkField<?> field) {
        SdkPojo builder = ShapeValues.newBuilder(field);
        readStructure(path + ".", builder);
        return ShapeValues.build(builder);
    }

    private List<Object> list(String path, SdkField<?> field) {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        if (!hasChildren(path)) {
            return params.containsKey(path) ? List.of() : null;
        }
        String memberName = trait.memberLocationName() != null ? trait.memberLocationName() : DEFAULT_LIST_MEMBER;
        String elementPrefix = trait.isFlattened() ? path + "." : path + "." + memberName + ".";
        List<Object> list = new ArrayList<>();
        for (int index = 1; ; index++) {
            Object element = read(elementPrefix + index, trait.memberFieldInfo());
            if (element == null) {
                return list;
            }
            list.add(element);
        }
    }

    private Map<String, Object> map(String path, SdkField<?> field) {
        if (!hasChildren(path)) {
            return params.containsKey(path) ? Map.of() : null;
        }
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String entryPrefix = trait.isFlattened() ? path + "." : path + ".entry.";
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index = 1; ; index++) {
            String entry = entryPrefix + index + ".";
            String key = params.get(entry + trait.keyLocationName());
            if (key == null) {
                return map;
            }
            Object value = read(entry + trait.valueLocationName(), trait.valueFieldInfo());
            if (value != null) {
                map.put(key, value);
            }
        }
    }

    private static Object scalar(String path, SdkField<?> field, String text) {
        try {
            return switch (field.marshallingType().getKnownType()) {
                case STRING -> text;
                case INTEGER -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case SHORT -> Short.valueOf(text);
                case BYTE -> Byte.valueOf(text);
                case FLOAT -> Float.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case BIG_DECIMAL -> new BigDecimal(text);
                case BOOLEAN -> parseBoolean(text);
                case INSTANT -> Timestamps.fromIso8601(text);
                case SDK_BYTES -> SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(text));
                default -> throw new IllegalStateException(field.marshallingType() + " is not a scalar type");
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            // NumberFormatException is an IllegalArgumentException, and so are base64 errors.
            throw invalidValue(path, field);
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private boolean hasChildren(String path) {
        String childPrefix = path + ".";
        String after = params.ceilingKey(childPrefix);
        return after != null && after.startsWith(childPrefix);
    }

    /** Names the parameter, never echoes its value: it may be a secret. */
    private static AwsException invalidValue(String path, SdkField<?> field) {
        String expected = switch (field.marshallingType().getKnownType()) {
            case INTEGER, LONG, SHORT, BYTE -> "an integer";
            case FLOAT, DOUBLE, BIG_DECIMAL -> "a number";
            case BOOLEAN -> "true or false";
            case INSTANT -> "an ISO-8601 timestamp";
            case SDK_BYTES -> "base64-encoded data";
            default -> "a valid value";
        };
        return AwsException.badRequest("ValidationError", "Invalid value for parameter " + path + ": expected " + expected);
    }
}
