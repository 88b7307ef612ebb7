package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered type survives the wire unchanged, and the JSON it travels as is exactly what its committed schema
 * describes: valid against it, and with no property the schema does not name.
 */
class EventJsonRoundTripTest {

    static Stream<Named<EventType>> registeredTypes() {
        return EventCatalog.ALL.stream().map(type -> Named.of(type.name(), type));
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_registered_type_round_trips(EventType type) {
        IntegrationEvent sample = EventFixtures.sampleOf(type);

        IntegrationEvent read = EventJson.read(EventJson.write(sample), type.javaType());

        assertThat(read).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void the_json_of_every_registered_type_validates_against_its_schema(EventType type) {
        JsonNode json = EventSchemas.toJackson2(EventJson.write(EventFixtures.sampleOf(type)));

        assertThat(EventSchemas.validatorOf(type).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void the_json_of_every_registered_type_has_no_property_its_schema_does_not_declare(EventType type) {
        JsonNode json = EventSchemas.toJackson2(EventJson.write(EventFixtures.sampleOf(type)));

        assertThat(EventSchemas.undeclaredProperties(EventSchemas.load(type), json)).isEmpty();
    }

    /** The schemas are only worth something if they say no: each of these breaks one rule of the wire form. */
    @Test
    void the_order_placed_schema_rejects_json_of_the_wrong_shape() {
        EventType type = EventCatalog.byName("dev.eventshop.order.placed.v1").orElseThrow();
        JsonSchema schema = EventSchemas.validatorOf(type);
        JsonNode valid = EventSchemas.toJackson2(EventJson.write(EventFixtures.sampleOf(type)));

        Stream<Consumer<ObjectNode>> breakages = Stream.of(
                json -> json.remove("total"),
                json -> json.put("orderId", "not-a-uuid"),
                json -> json.put("customerId", " "),
                json -> json.put("placedAt", "yesterday"),
                json -> json.withObject("total").put("amount", "178.0"),
                json -> json.withObject("total").put("amount", 178.00),
                json -> json.withObject("total").put("currency", "eur"),
                json -> json.withObject("total").putNull("amount"),
                json -> ((ObjectNode) json.withArray("lines").get(0)).put("quantity", "2"),
                json -> ((ObjectNode) json.withArray("lines").get(0)).put("quantity", 0),
                json -> json.putArray("lines"));

        assertThat(breakages).allSatisfy(breakage -> {
            ObjectNode broken = valid.deepCopy();
            breakage.accept(broken);
            assertThat(schema.validate(broken)).as("errors for %s", broken).isNotEmpty();
        });
    }
}
