package dev.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.testsupport.Gate;
import dev.eventshop.testsupport.Http;
import dev.eventshop.web.idempotency.IdempotencyKeyPurge;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code Idempotency-Key} on {@code POST /orders}: a retry gets the first answer, and never a second order. */
class IdempotencyIT extends IntegrationTest {

    private static final String KEY = "Idempotency-Key";

    @Autowired
    IdempotencyKeyPurge purge;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void replays_the_first_response_to_a_retry_with_the_same_key_and_body() {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();

        Http.Response first = http.postJson("/orders", order(customer, "KB-001", 2), KEY, key);
        Http.Response retry = http.postJson("/orders", order(customer, "KB-001", 2), KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.body()).as("the same bytes").isEqualTo(first.body());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String orderId = first.json().get("orderId").asString();
        assertThat(ordersOf(customer)).isEqualTo(1);
        assertThat(outboxCount(orderId, PlaceOrderIT.PLACED)).isEqualTo(1);
    }

    @Test
    void recognises_the_same_body_written_differently() {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();

        Http.Response first = http.postJson("/orders", order(customer, "MS-002", 1), KEY, key);
        Http.Response retry = http.postJson("/orders", """
                {
                  "items" : [ { "quantity" : 1, "sku" : "MS-002" } ],
                  "customerId" : "%s"
                }""".formatted(customer), KEY, key);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("orderId")).isEqualTo(first.json().get("orderId"));
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void refuses_the_same_key_with_a_different_body() {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();
        http.postJson("/orders", order(customer, "KB-001", 1), KEY, key);

        Http.Response other = http.postJson("/orders", order(customer, "KB-001", 5), KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void answers_409_while_the_first_request_with_the_key_is_in_flight() throws Exception {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();
        Gate<Order> gate = placementGate.closeFor(customer);
        CompletableFuture<Http.Response> first = inBackground(order(customer, "HB-004", 1), key);
        gate.awaitArrival();

        Http.Response concurrent = http.postJson("/orders", order(customer, "HB-004", 1), KEY, key);
        gate.open();
        Http.Response firstResponse = first.get(30, TimeUnit.SECONDS);
        Http.Response afterwards = http.postJson("/orders", order(customer, "HB-004", 1), KEY, key);

        assertThat(concurrent.status()).as(concurrent.toString()).isEqualTo(409);
        assertThat(concurrent.contentType()).startsWith("application/problem+json");
        assertThat(concurrent.json().get("type").asString()).endsWith("/idempotency-key-in-flight");
        assertThat(firstResponse.status()).as(firstResponse.toString()).isEqualTo(202);
        assertThat(afterwards.status()).isEqualTo(202);
        assertThat(afterwards.json().get("orderId")).isEqualTo(firstResponse.json().get("orderId"));
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void a_request_whose_key_was_purged_while_it_ran_rolls_back_instead_of_placing_the_order() throws Exception {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();
        Gate<Order> gate = placementGate.closeFor(customer);
        CompletableFuture<Http.Response> first = inBackground(order(customer, "KB-001", 1), key);
        gate.awaitArrival();

        purgeAsAbandoned(key);
        gate.open();
        Http.Response abandoned = first.get(30, TimeUnit.SECONDS);
        long ordersAfterTheAbandonedRequest = ordersOf(customer);
        Http.Response retry = http.postJson("/orders", order(customer, "KB-001", 1), KEY, key);

        assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(503);
        assertThat(abandoned.contentType()).startsWith("application/problem+json");
        assertThat(abandoned.json().get("type").asString()).endsWith("/idempotency-key-expired");
        assertThat(ordersAfterTheAbandonedRequest).isZero();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(ordersOf(customer)).isEqualTo(1);
        assertThat(outboxCount(retry.json().get("orderId").asString(), PlaceOrderIT.PLACED)).isEqualTo(1);
    }

    @Test
    void a_request_whose_key_was_purged_and_claimed_again_leaves_the_key_to_the_new_claim() throws Exception {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();
        Gate<Order> firstGate = placementGate.closeFor(customer);
        CompletableFuture<Http.Response> first = inBackground(order(customer, "KB-001", 1), key);
        firstGate.awaitArrival();
        purgeAsAbandoned(key);
        Gate<Order> secondGate = placementGate.closeFor(customer);
        CompletableFuture<Http.Response> second = inBackground(order(customer, "KB-001", 1), key);
        secondGate.awaitArrival();

        firstGate.open();
        Http.Response abandoned = first.get(30, TimeUnit.SECONDS);
        secondGate.open();
        Http.Response placed = second.get(30, TimeUnit.SECONDS);
        Http.Response retry = http.postJson("/orders", order(customer, "KB-001", 1), KEY, key);

        assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(503);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(placed.body());
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void a_request_that_fails_releases_its_key_for_a_corrected_retry() {
        String customer = uniqueCustomer();
        String key = UUID.randomUUID().toString();

        Http.Response failed = http.postJson("/orders", order(customer, "NOPE-404", 1), KEY, key);
        Http.Response corrected = http.postJson("/orders", order(customer, "KB-001", 1), KEY, key);

        assertThat(failed.status()).isEqualTo(422);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(202);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void keys_are_independent_of_each_other() {
        String customer = uniqueCustomer();

        Http.Response one = http.postJson("/orders", order(customer, "KB-001", 1), KEY, UUID.randomUUID().toString());
        Http.Response two = http.postJson("/orders", order(customer, "KB-001", 1), KEY, UUID.randomUUID().toString());

        assertThat(one.json().get("orderId")).isNotEqualTo(two.json().get("orderId"));
        assertThat(ordersOf(customer)).isEqualTo(2);
    }

    private CompletableFuture<Http.Response> inBackground(String order, String key) {
        return CompletableFuture.supplyAsync(() -> http.postJson("/orders", order, KEY, key), background);
    }

    /**
     * Makes the key look in flight for 11 minutes, past abandoned-after, and runs the purge, which deletes it as it
     * would the key of a request that died with its process.
     */
    private void purgeAsAbandoned(String key) {
        jdbc.sql("""
                UPDATE idempotency_key SET created_at = created_at - INTERVAL '11 minutes' WHERE idempotency_key = :key
                """).param("key", key).update();
        purge.purge();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single()).as("the key after the purge").isZero();
    }

    private static String uniqueCustomer() {
        return "idem-" + UUID.randomUUID();
    }
}
