package dev.eventshop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.testsupport.HeadlessChromium;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * One order, one trace, read back from a real Zipkin server that every service process exports to. The trace starts
 * at the {@code POST /orders} that the answer's {@code traceresponse} header names, and reads like the saga: each
 * relay's publish is a producer span, each consumer's processing a consumer span whose parent is that producer span,
 * through every service that handled the order, in the saga's order. Leaves a screenshot of the trace in Zipkin's UI
 * in {@code target/zipkin-trace.png}.
 */
class TraceShapeIT {

    private static final Duration SAGA = Duration.ofSeconds(60);
    /** Spans reach Zipkin in batches, a few seconds after they end. */
    private static final Duration EXPORTED = Duration.ofSeconds(60);
    private static final Path SCREENSHOT = Path.of("target/zipkin-trace.png");
    private static final Set<String> EVERY_SERVICE =
            Set.of("order-service", "inventory-service", "payment-service", "email-service", "analytics-service");

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = SharedSystem.get();
    }

    @Test
    void a_confirmed_order_is_one_trace_through_all_five_services_in_the_sagas_order() {
        Placed order = placeUntilPriced("alice", "KB-001");
        assertThat(awaitFinalStatus(order)).isEqualTo("CONFIRMED");

        Trace trace = awaitTrace(order, found -> found.has("email-service", "PRODUCER", "email.sent")
                && found.has("analytics-service", "CONSUMER", "email.sent"));

        assertThat(trace.services()).isEqualTo(EVERY_SERVICE);
        assertThat(trace.steps()).containsSubsequence(
                "order-service SERVER",
                "order-service PRODUCER order.placed",
                "inventory-service CONSUMER order.placed",
                "inventory-service PRODUCER inventory.stock-reserved",
                "payment-service CONSUMER inventory.stock-reserved",
                "payment-service PRODUCER payment.completed",
                "order-service CONSUMER payment.completed",
                "order-service PRODUCER order.confirmed",
                "email-service CONSUMER order.confirmed",
                "email-service PRODUCER email.sent",
                "analytics-service CONSUMER email.sent");
        screenshotInZipkin(order.traceId());
    }

    @Test
    void a_declined_order_is_one_trace_with_the_compensation_in_it() {
        Placed order = placeUntilPriced("bob", "MN-003");
        assertThat(awaitFinalStatus(order)).isEqualTo("CANCELLED");

        // The analytics-service reads the email last, and the inventory reads the payment's failure in a batch of
        // fetched records, maybe later still: until both are there the trace is not whole.
        Trace trace = awaitTrace(order, found -> found.has("inventory-service", "PRODUCER", "inventory.stock-released")
                && found.has("inventory-service", "CONSUMER", "payment.failed")
                && found.has("inventory-service", "CONSUMER", "order.cancelled")
                && found.has("email-service", "PRODUCER", "email.sent")
                && found.has("analytics-service", "CONSUMER", "email.sent"));

        assertThat(trace.services()).isEqualTo(EVERY_SERVICE);
        assertThat(trace.steps()).containsSubsequence(
                "order-service PRODUCER order.placed",
                "inventory-service PRODUCER inventory.stock-reserved",
                "payment-service PRODUCER payment.failed",
                "order-service PRODUCER order.cancelled",
                "email-service CONSUMER order.cancelled");
        // The release answers whichever reaches the inventory first: the payment's failure (read in batches, up to a
        // second later) or the order's cancellation that follows it. The other finds the reservation released.
        assertThat(trace.steps()).contains("inventory-service CONSUMER payment.failed",
                "inventory-service CONSUMER order.cancelled");
        assertThat(trace.parentStep("inventory-service PRODUCER inventory.stock-released"))
                .hasValueSatisfying(cause -> assertThat(cause).isIn("inventory-service CONSUMER payment.failed",
                        "inventory-service CONSUMER order.cancelled"));
    }

    @Test
    void an_order_out_of_stock_ends_at_the_inventory_and_never_charges() {
        Placed order = placeUntilPriced("alice", "LS-006");
        assertThat(awaitFinalStatus(order)).isEqualTo("CANCELLED");

        Trace trace = awaitTrace(order, found -> found.has("email-service", "PRODUCER", "email.sent"));

        assertThat(trace.steps()).containsSubsequence(
                "order-service PRODUCER order.placed",
                "inventory-service CONSUMER order.placed",
                "inventory-service PRODUCER inventory.stock-reservation-failed",
                "order-service CONSUMER inventory.stock-reservation-failed",
                "order-service PRODUCER order.cancelled",
                "email-service CONSUMER order.cancelled");
        assertThat(trace.steps()).as("the payment-service reads the failure, but publishes nothing")
                .noneMatch(step -> step.startsWith("payment-service PRODUCER"));
    }

    @Test
    void two_orders_placed_at_once_are_two_separate_traces() {
        CompletableFuture<Placed> first = CompletableFuture.supplyAsync(() -> placeUntilPriced("alice", "MS-002"));
        CompletableFuture<Placed> second = CompletableFuture.supplyAsync(() -> placeUntilPriced("bob", "HB-004"));
        List<Placed> orders = List.of(first.join(), second.join());
        orders.forEach(TraceShapeIT::awaitFinalStatus);

        assertThat(orders.get(0).traceId()).isNotEqualTo(orders.get(1).traceId());
        for (Placed order : orders) {
            awaitTrace(order, found -> found.has("email-service", "PRODUCER", "email.sent"));
            }
    }

    @Test
    void no_consumer_span_anywhere_is_cut_off_from_the_producer_span_of_its_record() {
        Placed order = placeUntilPriced("alice", "KB-001");
        awaitFinalStatus(order);

        await().atMost(EXPORTED).untilAsserted(() -> {
            JsonNode traces = system.zipkin("/api/v2/traces?limit=100000&lookback=86400000");
            assertThat(traces.size()).as("traces in Zipkin").isPositive();
            for (JsonNode spans : traces) {
                Trace trace = new Trace(spans);
                assertThat(trace.consumers()).allSatisfy(consumer -> assertThat(trace.parentOf(consumer))
                        .as("the parent of %s", consumer)
                        .hasValueSatisfying(parent -> assertThat(kind(parent)).isEqualTo("PRODUCER")));
            }
        });
    }

    /** What holds for every order's trace: one root, consumers under producers, no other order in it. */
    private static void assertWellFormed(Trace trace, Placed order) {
        assertThat(trace.roots()).as("roots").singleElement().satisfies(root -> {
            assertThat(kind(root)).isEqualTo("SERVER");
            assertThat(service(root)).isEqualTo("order-service");
            assertThat(root.get("name").asString()).isEqualTo("http post /orders");
            assertThat(root.get("id").asString()).isEqualTo(order.spanId());
        });
        assertThat(trace.consumers()).as("consumer spans").isNotEmpty().allSatisfy(consumer -> {
            assertThat(tag(consumer, "messaging.consumer.group.name")).isEqualTo(service(consumer));
            assertThat(consumer.get("tags").has("messaging.destination.partition.id")).isTrue();
            assertThat(consumer.get("tags").has("messaging.kafka.offset")).isTrue();
            assertThat(trace.parentOf(consumer)).as("the parent of %s", step(consumer)).hasValueSatisfying(parent -> {
                assertThat(kind(parent)).isEqualTo("PRODUCER");
                assertThat(tag(consumer, "messaging.destination.name"))
                        .startsWith(tag(parent, "messaging.destination.name"));
                assertThat(tag(consumer, "messaging.message.id")).isEqualTo(tag(parent, "messaging.message.id"));
            });
        });
        assertThat(trace.spans()).as("every span has its parent in the trace")
                .allSatisfy(span -> assertThat(!span.has("parentId") || trace.parentOf(span).isPresent()).isTrue());
        assertThat(trace.spans().stream().filter(span -> span.get("tags") != null && span.get("tags").has("orderId"))
                .map(span -> tag(span, "orderId")).collect(Collectors.toSet()))
                .as("the orders in this trace").containsExactly(order.orderId());
    }

    private record Placed(String orderId, String traceId, String spanId) {
    }

    /** The spans of one trace, as Zipkin's API gives them. */
    private record Trace(List<JsonNode> spans) {

        Trace(JsonNode array) {
            this(toList(array));
        }

        private static List<JsonNode> toList(JsonNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list;
        }

        List<JsonNode> roots() {
            return spans.stream().filter(span -> !span.has("parentId")).toList();
        }

        List<JsonNode> consumers() {
            return spans.stream().filter(span -> kind(span).equals("CONSUMER")).toList();
        }

        Optional<JsonNode> parentOf(JsonNode span) {
            String parentId = span.has("parentId") ? span.get("parentId").asString() : "";
            return spans.stream().filter(other -> other.get("id").asString().equals(parentId)).findFirst();
        }

        /** The step of the span that the first span of this step was made under. */
        Optional<String> parentStep(String step) {
            return spans.stream().filter(span -> step(span).equals(step))
                    .min(Comparator.comparingLong(span -> span.get("timestamp").asLong()))
                    .flatMap(this::parentOf)
                    .map(TraceShapeIT::step);
        }

        Set<String> services() {
            return spans.stream().map(TraceShapeIT::service).collect(Collectors.toSet());
        }

        boolean has(String service, String kind, String event) {
            return steps().contains(service + " " + kind + " " + event);
        }

        /**
         * {@code <service> <kind> <event>} of every span, earliest first, each step once (at its first time: every
         * record arrives twice), for example {@code inventory-service CONSUMER order.placed}.
         */
        List<String> steps() {
            return spans.stream()
                    .sorted(Comparator.comparingLong(span -> span.get("timestamp").asLong()))
                    .map(TraceShapeIT::step)
                    .distinct()
                    .toList();
        }
    }

    private static String step(JsonNode span) {
        String type = tag(span, "cloudevents.event_type");
        // dev.eventshop.order.placed.v1 -> order.placed
        String event = type.isEmpty() ? "" : " " + type.replaceFirst("^dev\\.eventshop\\.", "")
                .replaceFirst("\\.v\\d+$", "");
        return service(span) + " " + kind(span) + event;
    }

    private static String service(JsonNode span) {
        return span.get("localEndpoint").get("serviceName").asString();
    }

    private static String kind(JsonNode span) {
        return span.has("kind") ? span.get("kind").asString() : "LOCAL";
    }

    private static String tag(JsonNode span, String name) {
        JsonNode tags = span.get("tags");
        return tags != null && tags.has(name) ? tags.get(name).asString() : "";
    }

    /**
     * Waits until the trace holds what {@code complete} looks for and is well formed: spans reach Zipkin in batches, so
     * a consumer span may arrive before the producer span that is its parent.
     */
    private static Trace awaitTrace(Placed order, Predicate<Trace> complete) {
        List<Trace> found = new ArrayList<>();
        await().atMost(EXPORTED).untilAsserted(() -> {
            Trace trace = new Trace(system.trace(order.traceId()));
            found.clear();
            found.add(trace);
            assertThat(complete.test(trace)).as("the trace has every step yet: %s", trace.steps()).isTrue();
            assertWellFormed(trace, order);
        });
        return found.getFirst();
    }

    /** Places an order and takes the trace from the answer's {@code traceresponse} header. */
    private static Placed placeUntilPriced(String customer, String sku) {
        List<Placed> placed = new ArrayList<>();
        // 422 until the order-service's catalog replica has the product; only a run's first orders wait here.
        await().atMost(SAGA).until(() -> {
            HttpResponse<String> response = system.post("order-service", "/orders",
                    "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
            if (response.statusCode() != 202) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
                return false;
            }
            String[] traceresponse = response.headers().firstValue("traceresponse").orElseThrow().split("-");
            placed.add(new Placed(RunningSystem.json(response).get("orderId").asString(), traceresponse[1],
                    traceresponse[2]));
            return true;
        });
        return placed.getFirst();
    }

    private static String awaitFinalStatus(Placed order) {
        List<String> status = new ArrayList<>();
        await().atMost(SAGA).until(() -> {
            status.clear();
            status.add(system.get("order-service", "/orders/" + order.orderId()).get("status").asString());
            return !status.getFirst().equals("PENDING");
        });
        return status.getFirst();
    }

    /** The trace as a person sees it in Zipkin's UI: every service's spans in one timeline. */
    private static void screenshotInZipkin(String traceId) {
        try (HeadlessChromium chromium = HeadlessChromium.open(1600, 1400)) {
            chromium.browser().get(system.zipkinUrl() + "/zipkin/traces/" + traceId);
            try {
                new WebDriverWait(chromium.browser(), Duration.ofSeconds(30), Duration.ofMillis(200))
                        .until(page -> EVERY_SERVICE.stream().allMatch(service -> page.findElement(By.tagName("body"))
                                .getText().contains(service)));
            } finally {
                chromium.screenshot(SCREENSHOT);
            }
        }
    }
}
