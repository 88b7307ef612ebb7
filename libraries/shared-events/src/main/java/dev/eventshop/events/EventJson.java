package dev.eventshop.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON form of events on the wire: record components as properties, money amounts as decimal strings, instants
 * as ISO-8601 UTC strings. Unknown properties are ignored so that adding an optional field stays compatible. The JSON
 * Schemas under {@code schemas/} on the classpath describe this form, one per event type.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Reject what the schemas reject instead of guessing: "2" or 2.7 for a quantity would otherwise become 2.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
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
        T event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("value is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        // Jackson maps the JSON literal null to a null event; the consumer would fail later, further from the cause.
        if (event == null) {
            throw new MalformedEventException("value is not a valid " + type.getSimpleName() + ": JSON null");
        }
        return event;
    }

    /** The mapper, for tests and tools that need to look at the JSON tree. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
