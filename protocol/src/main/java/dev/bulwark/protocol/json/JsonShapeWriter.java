package dev.bulwark.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.protocol.shape.ShapeValues;
import dev.bulwark.protocol.shape.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
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
 * Writes an SDK model object as JSON, driven only by its {@link SdkPojo#sdkFields()}
 * metadata: the inverse of {@link JsonShapeReader}, in the form the SDK's JSON
 * unmarshaller reads.
 *
 * <p>Members without a value are omitted, including lists and maps the SDK auto-constructed
 * (an explicitly empty list is written as {@code []}, as AWS does). Timestamps are epoch
 * seconds unless the member's {@link TimestampFormatTrait} says otherwise; blobs are base64.
 *
 * <p>The same writer renders audit records: {@link #WIRE} writes what goes to the client,
 * while a writer made with another naming and {@link MemberFilter} (for instance one that
 * drops {@link dev.bulwark.protocol.shape.SensitiveMembers sensitive} members) renders
 * request parameters for the audit trail.
 */
public final class JsonShapeWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Decides which members are written. */
    @FunctionalInterface
    public interface MemberFilter {
        boolean includes(SdkPojo owner, SdkField<?> member);
    }

    /** The wire form: body members under the names the SDK unmarshals. */
    public static final JsonShapeWriter WIRE = new JsonShapeWriter(
            SdkField::unmarshallLocationName, (owner, member) -> member.location() == MarshallLocation.PAYLOAD);

    private final Function<SdkField<?>, String> memberName;
    private final MemberFilter filter;

    /**
     * @param memberName the JSON property name of a member
     * @param filter     which members to write, at every level of nesting
     */
    public JsonShapeWriter(Function<SdkField<?>, String> memberName, MemberFilter filter) {
        this.memberName = memberName;
        this.filter = filter;
    }

    public ObjectNode toTree(SdkPojo pojo) {
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = ShapeValues.valueOf(field, pojo);
            if (!ShapeValues.isAbsent(value) && filter.includes(pojo, field)) {
                object.set(memberName.apply(field), toNode(field, value));
            }
        }
        return object;
    }

    public byte[] toBytes(SdkPojo pojo) {
        return serialize(toTree(pojo));
    }

    static byte[] serialize(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    private JsonNode toNode(SdkField<?> field, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> NODES.textNode((String) value);
            case INTEGER, LONG, SHORT, BYTE -> NODES.numberNode(((Number) value).longValue());
            case FLOAT, DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
            case BIG_DECIMAL -> NODES.numberNode((BigDecimal) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INSTANT -> timestamp(field, (Instant) value);
            case SDK_BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
            case SDK_POJO -> toTree((SdkPojo) value);
            case LIST -> list(field, (List<?>) value);
            case MAP -> map(field, (Map<?, ?>) value);
            case DOCUMENT -> document((Document) value);
            case NULL -> NODES.nullNode();
        };
    }

    private JsonNode timestamp(SdkField<?> field, Instant instant) {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format)
                .orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        return switch (format) {
            case UNIX_TIMESTAMP -> NODES.numberNode(Timestamps.toEpochSeconds(instant));
            case UNIX_TIMESTAMP_MILLIS -> NODES.numberNode(instant.toEpochMilli());
            case ISO_8601 -> NODES.textNode(Timestamps.toIso8601(instant));
            case RFC_822 -> NODES.textNode(Timestamps.toRfc822(instant));
        };
    }

    private ArrayNode list(SdkField<?> field, List<?> list) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        ArrayNode array = NODES.arrayNode(list.size());
        list.forEach(element -> array.add(toNode(member, element)));
        return array;
    }

    private ObjectNode map(SdkField<?> field, Map<?, ?> map) {
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        ObjectNode object = NODES.objectNode();
        map.forEach((key, value) -> object.set(String.valueOf(key), toNode(valueField, value)));
        return object;
    }

    private static JsonNode document(Document document) {
        if (document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            return NODES.numberNode(document.asNumber().bigDecimalValue());
        }
        if (document.isString()) {
            return NODES.textNode(document.asString());
        }
        if (document.isList()) {
            ArrayNode array = NODES.arrayNode();
            document.asList().forEach(element -> array.add(document(element)));
            return array;
        }
        ObjectNode object = NODES.objectNode();
        document.asMap().forEach((key, value) -> object.set(key, document(value)));
        return object;
    }
}
