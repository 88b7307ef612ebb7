package dev.eventshop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.Topics;
import dev.eventshop.testsupport.TopicProbe;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The saga across every service, each its own process on a real broker, a real PostgreSQL and a real SMTP server. Every
 * record is sent twice (the library's duplicate-deliveries drill), so every run also proves that duplicates change
 * nothing: the outcomes asserted are those of the contract, and each event exists once by id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SagaEndToEndIT {

    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final String ORDERS = "order-service";
    private static final String INVENTORY = "inventory-service";
    private static final String PAYMENTS = "payment-service";
    private static final String EMAILS = "email-service";
    private static final String ANALYTICS = "analytics-service";
    private static final List<String> CUSTOMERS = List.of("alice", "bob");

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = SharedSystem.get();
        // The order-service prices from its catalog replica, filled from the inventory-service's product-catalog.
        await().atMost(SAGA).until(() -> system.get(INVENTORY, "/products").size() == 6);
    }

    @Test
    void alice_buying_a_keyboard_is_confirmed_and_charged() {
        BigDecimal balanceBefore = balance("alice");
        int keyboardsBefore = available("KB-001");

        String orderId = placeUntilPriced("alice", "KB-001", 1);
        JsonNode order = awaitFinal(orderId);

        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(balance("alice")).isEqualByComparingTo(balanceBefore.subtract(new BigDecimal("89.00")));
        await().atMost(SAGA).until(() -> reserved("KB-001") == 0);
        assertThat(available("KB-001")).isEqualTo(keyboardsBefore - 1);
        assertThat(timelineTypes(orderId)).containsSubsequence("dev.eventshop.order.placed.v1",
                "dev.eventshop.inventory.stock-reserved.v1", "dev.eventshop.payment.completed.v1",
                "dev.eventshop.order.confirmed.v1");
        assertEachEventExistsOnceAndWasDeliveredTwice(orderId, List.of("dev.eventshop.order.placed.v1",
                "dev.eventshop.inventory.stock-reserved.v1", "dev.eventshop.payment.completed.v1",
                "dev.eventshop.order.confirmed.v1"));
    }

    @Test
    void bob_buying_a_monitor_is_declined_and_the_stock_comes_back() {
        BigDecimal balanceBefore = balance("bob");
        int monitorsBefore = available("MN-003");

        String orderId = placeUntilPriced("bob", "MN-003", 1);
        JsonNode order = awaitFinal(orderId);

        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(balance("bob")).isEqualByComparingTo(balanceBefore);
        await().atMost(SAGA).until(() -> available("MN-003") == monitorsBefore && reserved("MN-003") == 0);
        await().atMost(SAGA).until(() -> timelineTypes(orderId).contains("dev.eventshop.inventory.stock-released.v1"));
        assertThat(timelineTypes(orderId)).containsSubsequence("dev.eventshop.order.placed.v1",
                "dev.eventshop.inventory.stock-reserved.v1", "dev.eventshop.payment.failed.v1",
                "dev.eventshop.order.cancelled.v1");
        assertEachEventExistsOnceAndWasDeliveredTwice(orderId, List.of("dev.eventshop.order.placed.v1",
                "dev.eventshop.inventory.stock-reserved.v1", "dev.eventshop.payment.failed.v1",
                "dev.eventshop.order.cancelled.v1", "dev.eventshop.inventory.stock-released.v1"));
        assertOneEmail("bob", orderId, "was cancelled", "the payment was declined");
    }

    @Test
    void a_laptop_stand_is_out_of_stock() {
        BigDecimal balanceBefore = balance("alice");

        String orderId = placeUntilPriced("alice", "LS-006", 1);
        JsonNode order = awaitFinal(orderId);

        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(balance("alice")).isEqualByComparingTo(balanceBefore);
        assertThat(available("LS-006")).isZero();
        assertThat(timelineTypes(orderId)).containsExactly("dev.eventshop.order.placed.v1",
                "dev.eventshop.inventory.stock-reservation-failed.v1", "dev.eventshop.order.cancelled.v1");
        assertEachEventExistsOnceAndWasDeliveredTwice(orderId, List.of("dev.eventshop.order.placed.v1",
                "dev.eventshop.inventory.stock-reservation-failed.v1", "dev.eventshop.order.cancelled.v1"));
        assertOneEmail("alice", orderId, "was cancelled", "out of stock");
    }

    @Test
    void twenty_concurrent_orders_for_five_cables_confirm_exactly_five() throws Exception {
        placeUntilPriced("alice", "MS-002", 1);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<CompletableFuture<String>> placed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            placed.add(CompletableFuture.supplyAsync(() -> place("alice", "CB-005", 1), clients));
        }
        List<String> orderIds = new ArrayList<>();
        for (CompletableFuture<String> order : placed) {
            orderIds.add(order.get());
        }
        clients.shutdown();

        Map<String, Long> outcomes = orderIds.stream().map(SagaEndToEndIT::awaitFinal)
                .collect(Collectors.groupingBy(order -> order.get("status").asString()
                        + (order.hasNonNull("cancellationReason") ? " " + order.get("cancellationReason").asString()
                                : ""), Collectors.counting()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 5L, "CANCELLED OUT_OF_STOCK", 15L));
        await().atMost(SAGA).until(() -> reserved("CB-005") == 0);
        assertThat(available("CB-005")).isZero();
    }

    /** Runs last: the read models, built from every topic, agree with what the order-service holds. */
    @Test
    @Order(Integer.MAX_VALUE)
    void the_analytics_summary_equals_what_the_order_service_holds_and_a_rebuild_gives_the_same() {
        List<JsonNode> orders = new ArrayList<>();
        for (String customer : CUSTOMERS) {
            system.get(ORDERS, "/orders?customerId=" + customer + "&size=100").get("content").forEach(orders::add);
        }
        await().atMost(SAGA).until(() -> orders.stream().map(order -> order.get("orderId").asString())
                .map(id -> system.get(ORDERS, "/orders/" + id).get("status").asString())
                .noneMatch("PENDING"::equals));
        List<JsonNode> settled = orders.stream()
                .map(order -> system.get(ORDERS, "/orders/" + order.get("orderId").asString())).toList();
        long confirmed = settled.stream().filter(order -> status(order).equals("CONFIRMED")).count();
        long outOfStock = settled.stream().filter(order -> status(order).equals("CANCELLED OUT_OF_STOCK")).count();
        long declined = settled.stream().filter(order -> status(order).equals("CANCELLED PAYMENT_DECLINED")).count();
        BigDecimal revenue = settled.stream().filter(order -> status(order).equals("CONFIRMED"))
                .map(order -> new BigDecimal(order.get("total").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);

        await().atMost(SAGA).untilAsserted(() -> assertSummary(system.get(ANALYTICS, "/analytics/summary"),
                settled.size(), confirmed, outOfStock, declined, revenue));
        HttpResponse<String> rebuild = system.post(ANALYTICS, "/analytics/rebuild", "");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(200);
        assertSummary(system.get(ANALYTICS, "/analytics/summary"), settled.size(), confirmed, outOfStock, declined,
                revenue);
    }

    private static void assertSummary(JsonNode summary, long placed, long confirmed, long outOfStock, long declined,
            BigDecimal revenue) {
        JsonNode orders = summary.get("orders");
        assertThat(orders.get("placed").asLong()).isEqualTo(placed);
        assertThat(orders.get("confirmed").asLong()).isEqualTo(confirmed);
        assertThat(orders.get("cancelledByReason").get("OUT_OF_STOCK").asLong()).isEqualTo(outOfStock);
        assertThat(orders.get("cancelledByReason").get("PAYMENT_DECLINED").asLong()).isEqualTo(declined);
        assertThat(orders.get("pending").asLong()).isZero();
        assertThat(new BigDecimal(summary.get("revenue").get(0).get("amount").asString()))
                .isEqualByComparingTo(revenue);
    }

    private static String status(JsonNode order) {
        return order.get("status").asString()
                + (order.hasNonNull("cancellationReason") ? " " + order.get("cancellationReason").asString() : "");
    }

    private static String placeUntilPriced(String customer, String sku, int quantity) {
        // 422 until the replica of the catalog has the product; only the first orders of a run wait here.
        List<String> orderId = new ArrayList<>();
        await().atMost(SAGA).until(() -> {
            HttpResponse<String> response = system.post(ORDERS, "/orders", orderJson(customer, sku, quantity));
            if (response.statusCode() == 202) {
                orderId.add(RunningSystem.json(response).get("orderId").asString());
                return true;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            return false;
        });
        return orderId.getFirst();
    }

    private static String place(String customer, String sku, int quantity) {
        HttpResponse<String> response = system.post(ORDERS, "/orders", orderJson(customer, sku, quantity));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return RunningSystem.json(response).get("orderId").asString();
    }

    private static String orderJson(String customer, String sku, int quantity) {
        return """
                {"customerId": "%s", "items": [{"sku": "%s", "quantity": %d}]}""".formatted(customer, sku, quantity);
    }

    private static JsonNode awaitFinal(String orderId) {
        await().atMost(SAGA).until(() -> !"PENDING".equals(
                system.get(ORDERS, "/orders/" + orderId).get("status").asString()));
        return system.get(ORDERS, "/orders/" + orderId);
    }

    private static List<String> timelineTypes(String orderId) {
        List<String> types = new ArrayList<>();
        system.get(ORDERS, "/orders/" + orderId + "/timeline").forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    private static BigDecimal balance(String customer) {
        return new BigDecimal(system.get(PAYMENTS, "/accounts/" + customer).get("balance").asString());
    }

    private static int available(String sku) {
        return system.get(INVENTORY, "/products/" + sku).get("available").asInt();
    }

    private static int reserved(String sku) {
        return system.get(INVENTORY, "/products/" + sku).get("reserved").asInt();
    }

    /** On the topics: exactly the expected events for the order, each with one id, each sent twice by the drill. */
    private static void assertEachEventExistsOnceAndWasDeliveredTwice(String orderId, List<String> expectedTypes) {
        try (TopicProbe topics = new TopicProbe(system.kafkaBootstrapServers(), Topics.ORDER_EVENTS.name(),
                Topics.INVENTORY_EVENTS.name(), Topics.PAYMENT_EVENTS.name())) {
            await().atMost(SAGA).until(() -> typesOf(topics.matching(TopicProbe.withKey(orderId))).size()
                    == expectedTypes.size() * 2);
            List<ConsumerRecord<String, byte[]>> records = topics.matching(TopicProbe.withKey(orderId));
            assertThat(typesOf(records)).containsExactlyInAnyOrderElementsOf(
                    expectedTypes.stream().flatMap(type -> java.util.stream.Stream.of(type, type)).toList());
            Map<String, Long> copiesPerEvent = records.stream().collect(
                    Collectors.groupingBy(record -> TopicProbe.header(record, "ce_id"), Collectors.counting()));
            assertThat(copiesPerEvent).hasSize(expectedTypes.size()).allSatisfy((id, copies) ->
                    assertThat(copies).isEqualTo(2L));
        }
    }

    /**
     * Exactly one email about the order reached the customer's mailbox on the SMTP server, although the relay sent
     * the event that caused it twice; and the email-service lists it.
     */
    private static void assertOneEmail(String customer, String orderId, String subjectEnding, String bodyText) {
        String address = customer + "@customers.eventshop.test";
        String subject = "Your order " + orderId.substring(0, 8) + " " + subjectEnding;
        await().atMost(SAGA).until(() -> system.get(EMAILS, "/emails?orderId=" + orderId).size() == 1);
        List<JsonNode> received = new ArrayList<>();
        system.mailbox(address).forEach(message -> {
            if (message.get("subject").asString().equals(subject)) {
                received.add(message);
            }
        });
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().get("mimeMessage").asString()).contains(bodyText);
    }

    private static List<String> typesOf(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> TopicProbe.header(record, "ce_type")).toList();
    }
}
