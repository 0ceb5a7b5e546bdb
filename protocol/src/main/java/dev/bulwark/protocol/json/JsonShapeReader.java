package dev.bulwark.protocol.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.protocol.shape.ShapeValues;
import dev.bulwark.protocol.shape.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Fills an SDK model builder from a JSON document, driven only by the model's
 * {@link SdkPojo#sdkFields()} metadata.
 *
 * <p>It reads what the SDK's JSON marshaller writes: members under their location names,
 * timestamps as epoch seconds (or the member's {@link TimestampFormatTrait}), blobs as
 * base64, enums as plain strings (the model keeps them as strings, so values newer than
 * this SDK pass through). Like AWS it ignores unknown members and treats {@code null} as
 * absent; a value of the wrong JSON type is a {@code SerializationException} worded as
 * AWS words it. Only {@link MarshallLocation#PAYLOAD} members are read: headers, URI
 * labels and query parameters belong to the restJson1 binding around this reader.
 */
public final class JsonShapeReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonShapeReader() {
    }

    /** Parses a body into {@code builder}; an empty body reads as {@code {}}. */
    public static void readBody(byte[] body, SdkPojo builder) {
        if (isBlank(body)) {
            return;
        }
        readObject(parse(body), builder);
    }

    /** Fills {@code builder} from a JSON object node. */
    public static void readObject(JsonNode object, SdkPojo builder) {
        if (!object.isObject()) {
            throw unexpected(object, "Structure");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            JsonNode value = object.get(field.locationName());
            if (value != null && !value.isNull()) {
                field.set(builder, convert(field, value));
            }
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonParseException e) {
            // Jackson's message quotes the offending input, which may be a secret: report only where.
            throw CommonErrors.serialization("The request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (JsonProcessingException e) {
            throw CommonErrors.serialization("The request body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body cannot fail", e);
        }
    }

    private static Object convert(SdkField<?> field, JsonNode value) {
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> requireText(value, "String");
            case INTEGER -> integral(value, "Integer", BigDecimal::intValueExact);
            case LONG -> integral(value, "Long", BigDecimal::longValueExact);
            case SHORT -> integral(value, "Short", BigDecimal::shortValueExact);
            case BYTE -> integral(value, "Byte", BigDecimal::byteValueExact);
            case FLOAT -> requireNumber(value, "Float").floatValue();
            case DOUBLE -> requireNumber(value, "Double").doubleValue();
            case BIG_DECIMAL -> requireNumber(value, "BigDecimal");
            case BOOLEAN -> requireBoolean(value);
            case INSTANT -> toInstant(field, value);
            case SDK_BYTES -> toBytes(field, value);
            case SDK_POJO -> toStructure(field, value);
            case LIST -> toList(field, value);
            case MAP -> toMap(field, value);
            case DOCUMENT -> toDocument(value);
            case NULL -> null;
        };
    }

    private static String requireText(JsonNode value, String type) {
        if (!value.isTextual()) {
            throw unexpected(value, type);
        }
        return value.textValue();
    }

    private static BigDecimal requireNumber(JsonNode value, String type) {
        if (!value.isNumber()) {
            throw unexpected(value, type);
        }
        return value.decimalValue();
    }

    /** A whole number that fits {@code type}; {@code exact} throws ArithmeticException otherwise. */
    private static Number integral(JsonNode value, String type, Function<BigDecimal, Number> exact) {
        BigDecimal number = requireNumber(value, type);
        try {
            return exact.apply(number);
        } catch (ArithmeticException notIntegralOrTooLarge) {
            throw CommonErrors.serialization("NUMBER_VALUE " + number + " can not be converted to " + article(type));
        }
    }

    private static Boolean requireBoolean(JsonNode value) {
        if (!value.isBoolean()) {
            throw unexpected(value, "Boolean");
        }
        return value.booleanValue();
    }

    private static Instant toInstant(SdkField<?> field, JsonNode value) {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format)
                .orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        try {
            if (value.isNumber()) {
                return format == TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS
                        ? Instant.ofEpochMilli(value.decimalValue().longValue())
                        : Timestamps.fromEpochSeconds(value.decimalValue());
            }
            String text = requireText(value, "Timestamp");
            return format == TimestampFormatTrait.Format.RFC_822
                    ? Timestamps.fromRfc822(text)
                    : Timestamps.fromIso8601(text);
        } catch (DateTimeException | ArithmeticException e) {
            throw CommonErrors.serialization("Invalid timestamp in member " + field.memberName());
        }
    }

    private static SdkBytes toBytes(SdkField<?> field, JsonNode value) {
        String base64 = requireText(value, "Blob");
        try {
            return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw CommonErrors.serialization("Invalid base64 in member " + field.memberName());
        }
    }

    private static Object toStructure(SdkField<?> field, JsonNode value) {
        SdkPojo builder = ShapeValues.newBuilder(field);
        readObject(value, builder);
        return ShapeValues.build(builder);
    }

    private static List<Object> toList(SdkField<?> field, JsonNode value) {
        if (!value.isArray()) {
            throw unexpected(value, "List");
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> list = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isNull()) {
                list.add(convert(member, element));
            }
        }
        return list;
    }

    private static Map<String, Object> toMap(SdkField<?> field, JsonNode value) {
        if (!value.isObject()) {
            throw unexpected(value, "Map");
        }
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                map.put(entry.getKey(), convert(valueField, entry.getValue()));
            }
        });
        return map;
    }

    private static Document toDocument(JsonNode value) {
        if (value.isNull()) {
            return Document.fromNull();
        }
        if (value.isBoolean()) {
            return Document.fromBoolean(value.booleanValue());
        }
        if (value.isNumber()) {
            return Document.fromNumber(value.decimalValue());
        }
        if (value.isTextual()) {
            return Document.fromString(value.textValue());
        }
        if (value.isArray()) {
            List<Document> list = new ArrayList<>(value.size());
            value.forEach(element -> list.add(toDocument(element)));
            return Document.fromList(list);
        }
        Map<String, Document> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> map.put(entry.getKey(), toDocument(entry.getValue())));
        return Document.fromMap(map);
    }

    /** AWS's wording: {@code STRING_VALUE can not be converted to an Integer}. */
    private static AwsException unexpected(JsonNode value, String expected) {
        if (value.isObject()) {
            return CommonErrors.serialization("Start of structure or map found where not expected.");
        }
        if (value.isArray()) {
            return CommonErrors.serialization("Start of list found where not expected");
        }
        String token = value.isTextual() ? "STRING_VALUE" : value.isNumber() ? "NUMBER_VALUE" : "BOOLEAN_VALUE";
        return CommonErrors.serialization(token + " can not be converted to " + article(expected));
    }

    private static String article(String type) {
        return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
