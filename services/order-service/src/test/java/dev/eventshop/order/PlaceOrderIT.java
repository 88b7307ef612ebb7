package dev.eventshop.order;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.EventJson;
import dev.eventshop.events.Money;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.testsupport.Http;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class PlaceOrderIT extends IntegrationTest {

    static final String PLACED = "dev.eventshop.order.placed.v1";

    @Test
    void accepts_a_valid_order_as_pending_priced_from_the_catalog() {
        long ordersBefore = count("orders");

        Http.Response response = http.postJson("/orders", """
                {"customerId": "alice", "items": [{"sku": "KB-001", "quantity": 2}]}
                """);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode body = response.json();
        String orderId = body.get("orderId").asString();
        assertThat(UUID.fromString(orderId)).isNotNull();
        assertThat(response.header("Location")).isEqualTo("/orders/" + orderId);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(body.get("customerId").asString()).isEqualTo("alice");
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("total").asString()).isEqualTo("178.00");
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("sku").asString()).isEqualTo("KB-001");
        assertThat(body.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(body.get("items").get(0).get("unitPrice").asString()).isEqualTo("89.00");
        assertThat(body.has("cancellationReason")).isFalse();
        assertThat(count("orders")).isEqualTo(ordersBefore + 1);
    }

    @Test
    void every_answer_names_its_trace_and_the_order_placed_continues_it() {
        Http.Response placed = http.postJson("/orders", """
                {"customerId": "alice", "items": [{"sku": "KB-001", "quantity": 1}]}
                """);
        Http.Response problem = http.get("/orders/" + UUID.randomUUID());

        assertThat(placed.header("traceresponse")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("traceresponse")).as("an error names its trace too")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = placed.header("traceresponse").split("-")[1];
        String orderId = placed.json().get("orderId").asString();
        ConsumerRecord<String, byte[]> record = orderEvents.awaitAtLeast(1, withKey(orderId), PATIENCE).getFirst();
        assertThat(header(record, "traceparent")).as("the relay's producer span, in the request's trace")
                .startsWith("00-" + traceId + "-");
    }

    @Test
    void publishes_one_order_placed_keyed_by_the_order_id_with_cloudevents_headers_and_a_traceparent() {
        String orderId = placeOrder("alice", "MS-002", 3);

        List<ConsumerRecord<String, byte[]>> records = orderEvents.awaitAtLeast(1, withKey(orderId), PATIENCE);
        await().atMost(PATIENCE).until(() -> outboxDrainedFor(orderId));

        assertThat(orderEvents.matching(withKey(orderId))).hasSize(1);
        assertThat(outboxCount(orderId, PLACED)).isEqualTo(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.topic()).isEqualTo("order-events");
        assertThat(record.key()).isEqualTo(orderId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo(PLACED);
        assertThat(header(record, "ce_source")).isEqualTo("/order-service");
        assertThat(header(record, "ce_subject")).isEqualTo(orderId);
        assertThat(Instant.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        OrderPlaced placed = EventJson.read(record.value(), OrderPlaced.class);
        assertThat(placed.orderId().toString()).isEqualTo(orderId);
        assertThat(placed.customerId().value()).isEqualTo("alice");
        assertThat(placed.total()).isEqualTo(Money.of("87.00", "EUR"));
        assertThat(placed.lines()).singleElement()
                .satisfies(line -> assertThat(line.unitPrice()).isEqualTo(Money.of("29.00", "EUR")));
    }

    @Test
    void shows_the_placed_order_and_its_timeline() {
        Http.Response placed = http.postJson("/orders", """
                {"customerId": "carol", "items": [{"sku": "MN-003", "quantity": 1}, {"sku": "HB-004", "quantity": 2}]}
                """);
        String orderId = placed.json().get("orderId").asString();

        Http.Response order = http.get("/orders/" + orderId);
        Http.Response timeline = http.get("/orders/" + orderId + "/timeline");

        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json()).isEqualTo(placed.json());
        assertThat(order.json().get("total").asString()).isEqualTo("327.00");
        assertThat(Instant.parse(order.json().get("createdAt").asString())).isNotNull();
        assertThat(order.json().get("updatedAt")).isEqualTo(order.json().get("createdAt"));
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json()).singleElement().satisfies(entry -> {
            assertThat(entry.get("type").asString()).isEqualTo(PLACED);
            assertThat(entry.get("source").asString()).isEqualTo("/order-service");
            assertThat(Instant.parse(entry.get("occurredAt").asString())).isNotNull();
        });
        String eventId = timeline.json().get(0).get("eventId").asString();
        assertThat(header(orderEvents.awaitAtLeast(1, withKey(orderId), PATIENCE).getFirst(), "ce_id"))
                .isEqualTo(eventId);
    }

    @Test
    void lists_a_customers_orders_newest_first_in_pages() {
        String customer = "pager-" + UUID.randomUUID();
        String first = placeOrder(customer, "KB-001", 1);
        String second = placeOrder(customer, "MS-002", 1);
        String third = placeOrder(customer, "HB-004", 1);

        JsonNode firstPage = http.get("/orders?customerId=" + customer + "&size=2").json();
        JsonNode secondPage = http.get("/orders?customerId=" + customer + "&size=2&page=1").json();

        assertThat(firstPage.get("content").valueStream().map(order -> order.get("orderId").asString()))
                .containsExactly(third, second);
        assertThat(secondPage.get("content").valueStream().map(order -> order.get("orderId").asString()))
                .containsExactly(first);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(firstPage.get("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asLong()).isEqualTo(2);
        assertThat(http.get("/orders?customerId=nobody-" + UUID.randomUUID()).json().get("content")).isEmpty();
    }

    @Test
    void log_lines_name_the_trace_and_the_order(CapturedOutput output) {
        String orderId = placeOrder("alice", "HB-004", 1);

        assertThat(output.getOut().lines().filter(line -> line.contains("Order placed")))
                .anySatisfy(line -> assertThat(line).matches(".*\\[order-service,[0-9a-f]{32},[0-9a-f]{16},orderId="
                        + orderId + "].*"));
    }

    private String placeOrder(String customerId, String sku, int quantity) {
        Http.Response response = http.postJson("/orders", """
                {"customerId": "%s", "items": [{"sku": "%s", "quantity": %d}]}
                """.formatted(customerId, sku, quantity));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("orderId").asString();
    }
}
