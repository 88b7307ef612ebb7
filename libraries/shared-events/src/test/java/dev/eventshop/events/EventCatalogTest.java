package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.events.order.OrderPlaced;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalog is the one registry producers and consumers trust, so its entries must not contradict each other. */
class EventCatalogTest {

    @Test
    void type_names_are_unique() {
        assertThat(EventCatalog.ALL).extracting(EventType::name).doesNotHaveDuplicates();
    }

    @Test
    void record_classes_are_unique() {
        assertThat(EventCatalog.ALL).extracting(EventType::javaType).doesNotHaveDuplicates();
    }

    @Test
    void every_type_has_a_schema_file_named_after_it_and_titled_with_its_name() {
        assertThat(EventCatalog.ALL).allSatisfy(type -> {
            assertThat(EventSchemas.exists(type.name())).as("schemas/%s.json exists", type.name()).isTrue();
            assertThat(EventSchemas.load(type).path("title").asText()).isEqualTo(type.name());
        });
    }

    @Test
    void every_schema_file_is_committed_in_the_source_tree() {
        // The test reads schemas from the classpath; this makes sure they come from src/main/resources, not a leftover.
        assertThat(EventCatalog.ALL).allSatisfy(type -> assertThat(
                Path.of("src/main/resources", EventSchemas.FOLDER, EventSchemas.fileName(type.name())))
                .isRegularFile());
    }

    @Test
    void every_schema_is_a_draft_2020_12_object_schema() {
        assertThat(EventCatalog.ALL).allSatisfy(type -> {
            JsonNode schema = EventSchemas.load(type);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("type").asText()).isEqualTo("object");
        });
    }

    @Test
    void every_topic_carries_at_least_one_type() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(EventCatalog.on(topic)).as("types on %s", topic)
                .isNotEmpty());
    }

    @Test
    void every_type_travels_on_a_known_topic() {
        assertThat(EventCatalog.ALL).extracting(EventType::topic).allSatisfy(topic -> assertThat(Topics.ALL)
                .contains(topic));
    }

    @Test
    void every_name_is_found_by_name() {
        assertThat(EventCatalog.ALL).allSatisfy(type -> assertThat(EventCatalog.byName(type.name())).contains(type));
    }

    @Test
    void an_unknown_name_is_not_found() {
        assertThat(EventCatalog.byName("dev.eventshop.order.shipped.v1")).isEmpty();
        assertThat(EventCatalog.byName("dev.eventshop.events.order.OrderPlaced")).isEmpty();
    }

    @Test
    void every_sample_is_found_by_its_class() {
        assertThat(EventCatalog.ALL).allSatisfy(type -> assertThat(EventCatalog.of(EventFixtures.sampleOf(type)))
                .isEqualTo(type));
    }

    @Test
    void an_unregistered_event_is_refused() {
        record OrderShipped(OrderId orderId) implements IntegrationEvent {

            @Override
            public String aggregateId() {
                return orderId.toString();
            }
        }

        assertThatThrownBy(() -> EventCatalog.of(new OrderShipped(OrderId.newId())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderShipped is not registered in the EventCatalog");
    }

    @Test
    void a_type_name_is_versioned() {
        assertThat(EventCatalog.ALL).allSatisfy(type -> assertThat(type.version()).isPositive());
        assertThatThrownBy(() -> new EventType("dev.eventshop.order.placed", OrderPlaced.class, Topics.ORDER_EVENTS,
                Sources.ORDER_SERVICE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
