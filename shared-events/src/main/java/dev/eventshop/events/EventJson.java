package dev.eventshop.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of events on the wire: record components as properties, money amounts as decimal strings, instants
 * as ISO-8601 UTC strings. Unknown properties are ignored so that adding an optional field stays compatible.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventJson() {
    }

    public static byte[] write(IntegrationEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Decodes a record's value as the given type.
     *
     * @throws MalformedEventException when the bytes are not JSON or not of the type's shape
     */
    public static <T extends IntegrationEvent> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("value is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The mapper, for tests and tools that need to look at the JSON tree. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
