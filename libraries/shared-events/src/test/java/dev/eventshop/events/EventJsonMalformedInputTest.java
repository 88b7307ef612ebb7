package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderPlaced;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever arrives on a topic, {@link EventJson#read} either returns an event or throws
 * {@link MalformedEventException}, the one exception a consumer routes to its dead-letter topic without retrying.
 */
class EventJsonMalformedInputTest {

    private static final String VALID = new String(
            EventJson.write(EventFixtures.sampleOf(EventCatalog.byName("dev.eventshop.order.placed.v1").orElseThrow())),
            StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"orderId\":", "<order/>", "null", "[]", "42", "\"text\""})
    void reading_what_is_not_a_json_object_throws_malformed_event(String value) {
        assertMalformed(value);
    }

    @Test
    void reading_a_json_object_followed_by_more_throws_malformed_event() {
        assertMalformed(VALID + " {}");
    }

    @Test
    void reading_a_missing_required_property_throws_malformed_event() {
        assertMalformed(VALID.replace("\"customerId\":\"alice\",", ""));
    }

    @Test
    void reading_a_missing_primitive_property_throws_malformed_event() {
        assertMalformed(VALID.replace("\"quantity\":2,", ""));
    }

    @Test
    void reading_an_empty_object_throws_malformed_event() {
        assertMalformed("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"two\"", "\"2\"", "2.5", "true", "{}", "null"})
    void reading_a_quantity_that_is_not_an_integer_throws_malformed_event(String quantity) {
        assertMalformed(VALID.replace("\"quantity\":2", "\"quantity\":" + quantity));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"not-a-uuid\"", "42", "null", "{}"})
    void reading_an_order_id_that_is_not_a_uuid_throws_malformed_event(String orderId) {
        assertMalformed(VALID.replaceFirst("\"orderId\":\"[^\"]+\"", "\"orderId\":" + orderId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\" \"", "42", "true"})
    void reading_a_blank_or_non_text_customer_id_throws_malformed_event(String customerId) {
        assertMalformed(VALID.replace("\"customerId\":\"alice\"", "\"customerId\":" + customerId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "\"2026-11-22\"", "true"})
    void reading_a_time_that_is_not_an_instant_throws_malformed_event(String placedAt) {
        assertMalformed(VALID.replaceFirst("\"placedAt\":\"[^\"]+\"", "\"placedAt\":" + placedAt));
    }

    @Test
    void reading_a_null_amount_throws_malformed_event() {
        assertMalformed(VALID.replace("\"amount\":\"178.00\"", "\"amount\":null"));
    }

    @Test
    void reading_a_null_money_throws_malformed_event() {
        assertMalformed(VALID.replaceFirst("\"total\":\\{[^}]+}", "\"total\":null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"178.001\"", "\"abc\"", "true", "{}"})
    void reading_an_amount_that_is_not_a_two_decimal_number_throws_malformed_event(String amount) {
        assertMalformed(VALID.replace("\"amount\":\"178.00\"", "\"amount\":" + amount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"eur\"", "\"EURO\"", "null"})
    void reading_a_currency_that_is_not_an_iso_code_throws_malformed_event(String currency) {
        assertMalformed(VALID.replace("\"currency\":\"EUR\"}", "\"currency\":" + currency + "}"));
    }

    @Test
    void reading_an_order_without_lines_throws_malformed_event() {
        assertMalformed(VALID.replaceFirst("\"lines\":\\[.*?}}]", "\"lines\":[]"));
    }

    @Test
    void reading_a_null_line_throws_malformed_event() {
        assertMalformed(VALID.replaceFirst("\"lines\":\\[.*?}}]", "\"lines\":[null]"));
    }

    @Test
    void reading_an_unknown_enum_value_throws_malformed_event() {
        String cancelled = new String(EventJson.write(EventFixtures.sampleOf(
                EventCatalog.byName("dev.eventshop.order.cancelled.v1").orElseThrow())), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(
                cancelled.replace("\"PAYMENT_DECLINED\"", "\"CUSTOMER_CHANGED_MIND\"").getBytes(StandardCharsets.UTF_8),
                OrderCancelled.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void reading_no_bytes_at_all_throws_malformed_event() {
        assertThatThrownBy(() -> EventJson.read(null, OrderPlaced.class)).isInstanceOf(MalformedEventException.class);
    }

    private static void assertMalformed(String value) {
        assertThatThrownBy(() -> EventJson.read(value.getBytes(StandardCharsets.UTF_8), OrderPlaced.class))
                .as("reading %s", value)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("value is not a valid OrderPlaced: ");
    }
}
