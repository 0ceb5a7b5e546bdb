package dev.bulwark.cloudtrail.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.store.Documents;
import dev.bulwark.store.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event record read back from the store: its exact JSON (which LookupEvents returns as
 * {@code CloudTrailEvent} and log files contain) and the fields that lookups and trails select on.
 */
public final class StoredEvent {
    private final String id;
    private final byte[] json;
    private final ObjectNode event;

    private StoredEvent(String id, byte[] json, ObjectNode event) {
        this.id = id;
        this.json = json;
        this.event = event;
    }

    public static StoredEvent of(StoredRecord record) {
        return new StoredEvent(record.key().id(), record.document(),
                Documents.read(record.key(), record.document(), ObjectNode.class));
    }

    /** A resource as LookupEvents reports it. */
    public record Resource(String type, String name) {
    }

    public String json() {
        return new String(json, StandardCharsets.UTF_8);
    }

    public byte[] jsonBytes() {
        return json.clone();
    }

    /** The event time to the millisecond (the record itself says it to the second). */
    public Instant time() {
        return EventIds.timeOf(id);
    }

    public String eventId() {
        return text(event, "eventID");
    }

    public String eventName() {
        return text(event, "eventName");
    }

    public String eventSource() {
        return text(event, "eventSource");
    }

    public String awsRegion() {
        return text(event, "awsRegion");
    }

    public String recipientAccountId() {
        return text(event, "recipientAccountId");
    }

    public boolean readOnly() {
        return event.path("readOnly").asBoolean();
    }

    public Optional<String> accessKeyId() {
        return Optional.ofNullable(event.path("userIdentity").path("accessKeyId").textValue());
    }

    public Optional<String> username() {
        JsonNode identity = event.path("userIdentity");
        return identity instanceof ObjectNode object ? UserIdentities.username(object) : Optional.empty();
    }

    public List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (JsonNode resource : event.path("resources")) {
            resources.add(new Resource(text(resource, "type"), text(resource, "ARN")));
        }
        return resources;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }
}
