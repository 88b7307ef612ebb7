package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventshop.events.order.CancellationReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the committed schemas and the records in step, so that a change to a record which would break consumers of
 * the events already on the topics fails the build instead of a consumer in production.
 *
 * <p>The rule: a published type name and its schema never change incompatibly. Removing a property, changing its
 * type, or adding a property that readers require is an incompatible change; it needs a new type name (for instance
 * {@code dev.eventshop.order.placed.v2}), a new record and a new schema file next to the old one. The old name, schema
 * and record stay for as long as events of that type may still be read (retention, the compacted catalog, replays).
 */
class SchemaCompatibilityTest {

    private static final JsonNode ORDER_PLACED_V1 = EventSchemas.load("dev.eventshop.order.placed.v1");

    static Stream<Named<EventType>> registeredTypes() {
        return EventCatalog.ALL.stream().map(type -> Named.of(type.name(), type));
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_registered_type_is_compatible_with_its_committed_schema(EventType type) {
        assertThat(SchemaCompatibility.violations(recordClassOf(type), EventSchemas.load(type))).isEmpty();
    }

    /** {@code OrderPlaced} after someone deleted {@code total}. */
    record OrderPlacedWithoutTotal(OrderId orderId, CustomerId customerId, List<OrderLineCopy> lines,
            Instant placedAt) {
    }

    /** {@code OrderPlaced} whose lines carry the quantity as text. */
    record OrderPlacedWithTextQuantity(OrderId orderId, CustomerId customerId, List<LineWithTextQuantity> lines,
            Money total, Instant placedAt) {
    }

    /** {@code OrderPlaced} with a new component every reader would have to find. */
    record OrderPlacedWithCouponCode(OrderId orderId, CustomerId customerId, List<OrderLineCopy> lines, Money total,
            String couponCode, Instant placedAt) {
    }

    /** {@code OrderPlaced} whose id became a plain string and whose time became epoch millis. */
    record OrderPlacedWithLooseTypes(String orderId, CustomerId customerId, List<OrderLineCopy> lines, Money total,
            long placedAt) {
    }

    /** {@code OrderPlaced} that grew a reason nobody declared. */
    record OrderPlacedWithReason(OrderId orderId, CustomerId customerId, List<OrderLineCopy> lines, Money total,
            Instant placedAt, CancellationReason reason) {
    }

    /** {@code OrderLine} as it is. */
    record OrderLineCopy(Sku sku, int quantity, Money unitPrice) {
    }

    /** {@code OrderLine} with the quantity as text. */
    record LineWithTextQuantity(Sku sku, String quantity, Money unitPrice) {
    }

    @Test
    void the_real_order_placed_is_compatible_so_the_broken_copies_below_differ_only_where_they_say() {
        record OrderPlacedCopy(OrderId orderId, CustomerId customerId, List<OrderLineCopy> lines, Money total,
                Instant placedAt) {
        }

        assertThat(SchemaCompatibility.violations(OrderPlacedCopy.class, ORDER_PLACED_V1)).isEmpty();
    }

    @Test
    void a_removed_field_is_reported() {
        assertThat(SchemaCompatibility.violations(OrderPlacedWithoutTotal.class, ORDER_PLACED_V1))
                .containsExactly("total: removed: the schema has it, the record does not");
    }

    @Test
    void a_retyped_field_in_a_nested_line_is_reported() {
        assertThat(SchemaCompatibility.violations(OrderPlacedWithTextQuantity.class, ORDER_PLACED_V1))
                .containsExactly("lines[].quantity: retyped: the schema says integer, the record has string");
    }

    @Test
    void an_added_required_field_is_reported() {
        assertThat(SchemaCompatibility.violations(OrderPlacedWithCouponCode.class, ORDER_PLACED_V1))
                .containsExactly("couponCode: added: the record requires it, the schema does not have it");
    }

    @Test
    void a_lost_format_counts_as_a_retyped_field() {
        assertThat(SchemaCompatibility.violations(OrderPlacedWithLooseTypes.class, ORDER_PLACED_V1))
                .containsExactly(
                        "orderId: retyped: the schema says string (uuid), the record has string",
                        "placedAt: retyped: the schema says string (date-time), the record has integer");
    }

    @Test
    void an_added_enum_is_reported_with_the_values_it_allows() {
        JsonNode withReason = ORDER_PLACED_V1.deepCopy();
        ((ObjectNode) withReason.get("properties"))
                .putObject("reason").put("type", "string").putArray("enum").add("OUT_OF_STOCK").add("FRAUD");
        ((ArrayNode) withReason.get("required")).add("reason");

        assertThat(SchemaCompatibility.violations(OrderPlacedWithReason.class, withReason)).containsExactly(
                "reason: value PAYMENT_DECLINED is in the record, not in the schema's enum",
                "reason: value TIMED_OUT is in the record, not in the schema's enum",
                "reason: value FRAUD is in the schema's enum, no longer in the record");
    }

    @Test
    void a_property_the_schema_leaves_optional_but_the_record_requires_is_reported() {
        JsonNode totalOptional = ORDER_PLACED_V1.deepCopy();
        ArrayNode required = (ArrayNode) totalOptional.get("required");
        required.removeAll().add("orderId").add("customerId").add("lines").add("placedAt");

        assertThat(SchemaCompatibility.violations(
                EventCatalog.byName("dev.eventshop.order.placed.v1").orElseThrow().javaType().asSubclass(Record.class),
                totalOptional))
                .containsExactly("total: optional in the schema, but the record requires it");
    }

    @Test
    void a_type_the_checker_cannot_map_is_refused_rather_than_passed() {
        record WithMap(Map<String, String> attributes) {
        }

        assertThatThrownBy(() -> SchemaCompatibility.violations(WithMap.class, ORDER_PLACED_V1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no JSON shape known");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> recordClassOf(EventType type) {
        assertThat(type.javaType().isRecord()).as("%s is a record", type.javaType()).isTrue();
        return (Class<? extends Record>) type.javaType();
    }
}
