package dev.bulwark.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping for record documents, so every module stores the same way: Java
 * records as objects, instants as ISO-8601 strings, unknown properties ignored (a newer
 * version may have added some; an older one must still read the record).
 */
public final class Documents {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Documents() {
    }

    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new StoreException("Cannot encode a " + document.getClass().getSimpleName() + " document", e);
        }
    }

    /** Reads a document; a document that does not fit its type is a corrupt record. */
    public static <T> T read(RecordKey key, byte[] document, Class<T> type) {
        try {
            return MAPPER.readValue(document, type);
        } catch (IOException e) {
            throw new StoreException("Record " + key.namespace() + "/" + key.id() + " is corrupt: not a "
                    + type.getSimpleName(), e);
        }
    }
}
