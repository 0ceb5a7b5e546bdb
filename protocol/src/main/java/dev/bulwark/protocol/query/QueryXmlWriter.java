package dev.bulwark.protocol.query;

import dev.bulwark.protocol.shape.ShapeValues;
import dev.bulwark.protocol.shape.Timestamps;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Writes an SDK model object's members as awsQuery response XML, driven only by its
 * {@link SdkPojo#sdkFields()} metadata, in the form the SDK's query unmarshaller reads:
 * lists as {@code <Name><member>...</member></Name>} (flattened lists repeat
 * {@code <Name>}), maps as {@code <Name><entry><key/><value/></entry></Name>}, timestamps
 * ISO-8601 with milliseconds, blobs base64. Members without a value, including lists and
 * maps the SDK auto-constructed, are omitted; an explicitly empty list is {@code <Name/>}.
 */
final class QueryXmlWriter {
    private static final String DEFAULT_LIST_MEMBER = "member";

    private final XmlBuilder xml;

    QueryXmlWriter(XmlBuilder xml) {
        this.xml = xml;
    }

    void writeMembers(SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = ShapeValues.valueOf(field, pojo);
            if (!ShapeValues.isAbsent(value)) {
                write(field.unmarshallLocationName(), field, value);
            }
        }
    }

    private void write(String name, SdkField<?> field, Object value) {
        if (value == null) {
            xml.empty(name);
            return;
        }
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO -> {
                xml.open(name);
                writeMembers((SdkPojo) value);
                xml.close(name);
            }
            case LIST -> list(name, field, (List<?>) value);
            case MAP -> map(name, field, (Map<?, ?>) value);
            case INSTANT -> xml.element(name, timestamp(field, (Instant) value));
            case SDK_BYTES -> xml.element(name, Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
            default -> xml.element(name, String.valueOf(value));
        }
    }

    private void list(String name, SdkField<?> field, List<?> list) {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        SdkField<?> member = trait.memberFieldInfo();
        if (trait.isFlattened()) {
            list.forEach(element -> write(name, member, element));
            return;
        }
        if (list.isEmpty()) {
            xml.empty(name);
            return;
        }
        String memberName = trait.memberLocationName() != null ? trait.memberLocationName() : DEFAULT_LIST_MEMBER;
        xml.open(name);
        list.forEach(element -> write(memberName, member, element));
        xml.close(name);
    }

    private void map(String name, SdkField<?> field, Map<?, ?> map) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        if (!trait.isFlattened()) {
            xml.open(name);
        }
        map.forEach((key, value) -> {
            String entry = trait.isFlattened() ? name : "entry";
            xml.open(entry).element(trait.keyLocationName(), String.valueOf(key));
            write(trait.valueLocationName(), trait.valueFieldInfo(), value);
            xml.close(entry);
        });
        if (!trait.isFlattened()) {
            xml.close(name);
        }
    }

    private static String timestamp(SdkField<?> field, Instant instant) {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format)
                .orElse(TimestampFormatTrait.Format.ISO_8601);
        return switch (format) {
            case ISO_8601 -> Timestamps.toIso8601(instant);
            case RFC_822 -> Timestamps.toRfc822(instant);
            case UNIX_TIMESTAMP -> Timestamps.toEpochSeconds(instant).toPlainString();
            case UNIX_TIMESTAMP_MILLIS -> Long.toString(instant.toEpochMilli());
        };
    }
}
