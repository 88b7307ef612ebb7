package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.testsupport.Http;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The accounts API as a client sees it: deposits, balances and ledgers. */
class AccountApiIT extends IntegrationTest {

    @Test
    void shows_the_seed_balances_of_the_contract() {
        JsonNode bob = account(BOB);

        assertThat(bob.get("customerId").asString()).isEqualTo("bob");
        assertThat(bob.get("balance").asString()).isEqualTo("50.00");
        assertThat(bob.get("currency").asString()).isEqualTo("EUR");
        assertThat(bob.get("version").asLong()).isEqualTo(2);
        assertThat(bob.has("asOf")).isFalse();
    }

    @Test
    void a_first_deposit_opens_the_account_and_answers_201_with_its_location() {
        CustomerId customer = newCustomer();

        Http.Response response = http.postJson("/accounts/" + customer + "/deposits", "{\"amount\": \"100.00\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/accounts/" + customer);
        assertThat(response.json().get("balance").asString()).isEqualTo("100.00");
        assertThat(response.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(response.json().get("version").asLong()).isEqualTo(2);
        assertThat(account(customer)).isEqualTo(response.json());
    }

    @Test
    void a_deposit_to_an_existing_account_answers_200_with_the_new_balance() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");

        Http.Response response = http.postJson("/accounts/" + customer + "/deposits", "{\"amount\": \"0.01\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Location")).isNull();
        assertThat(response.json().get("balance").asString()).isEqualTo("100.01");
        assertThat(response.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_first_deposit_may_open_the_account_in_another_currency() {
        CustomerId customer = newCustomer();

        Http.Response response = http.postJson("/accounts/" + customer + "/deposits",
                "{\"amount\": \"12.5\", \"currency\": \"USD\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("balance").asString()).isEqualTo("12.50");
        assertThat(response.json().get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void shows_the_ledger_oldest_first() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();
        awaitProcessed(events.publish(stockReserved(order, customer, eur("89.00"))));

        List<JsonNode> ledger = ledger(customer);

        assertThat(ledger).extracting(entry -> entry.get("type").asString())
                .containsExactly("AccountOpened", "MoneyDeposited", "MoneyWithdrawn");
        assertThat(ledger).extracting(entry -> entry.get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(ledger.get(0).has("amount")).isFalse();
        assertThat(ledger.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(ledger.get(1).get("amount").asString()).isEqualTo("100.00");
        assertThat(ledger.get(1).has("orderId")).isFalse();
        assertThat(ledger.get(2).get("amount").asString()).isEqualTo("89.00");
        assertThat(ledger.get(2).get("orderId").asString()).isEqualTo(order.toString());
        assertThat(ledger).extracting(entry -> Instant.parse(entry.get("occurredAt").asString())).isSorted();
    }

    @Test
    void pages_the_ledger_by_version_with_a_link_to_each_next_page() {
        CustomerId customer = newCustomer();
        for (String amount : List.of("1.00", "2.00", "3.00", "4.00")) {
            deposit(customer, amount);
        }

        JsonNode first = page("/accounts/" + customer + "/events?size=2");
        JsonNode second = page(first.get("next").asString());
        JsonNode last = page(second.get("next").asString());

        assertThat(versions(first)).containsExactly(1L, 2L);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("next").asString()).isEqualTo("/accounts/" + customer + "/events?after=2&size=2");
        assertThat(versions(second)).containsExactly(3L, 4L);
        assertThat(second.get("next").asString()).isEqualTo("/accounts/" + customer + "/events?after=4&size=2");
        assertThat(versions(last)).containsExactly(5L);
        assertThat(last.has("next")).as("the last page").isFalse();
        assertThat(last.get("content").get(0).get("amount").asString()).isEqualTo("4.00");
        assertThat(versions(page("/accounts/" + customer + "/events"))).as("100 a page unless asked")
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page("/accounts/" + customer + "/events").get("size").asInt()).isEqualTo(100);
        assertThat(versions(page("/accounts/" + customer + "/events?after=5"))).as("past the end").isEmpty();
    }

    @Test
    void refuses_a_page_size_out_of_bounds_and_a_negative_start() {
        for (String query : List.of("size=0", "size=1001", "after=-1")) {
            Http.Response response = http.get("/accounts/" + BOB + "/events?" + query);

            assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Http.Response unknown = http.get("/accounts/" + newCustomer() + "/events?after=3");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }

    @Test
    void two_concurrent_first_deposits_open_the_account_once_and_keep_both() throws Exception {
        CustomerId customer = newCustomer();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Response>> responses = List.of(
                    threads.submit(() -> {
                        start.await();
                        return http.postJson("/accounts/" + customer + "/deposits", "{\"amount\": \"10.00\"}");
                    }),
                    threads.submit(() -> {
                        start.await();
                        return http.postJson("/accounts/" + customer + "/deposits", "{\"amount\": \"20.00\"}");
                    }));

            List<Integer> statuses = List.of(responses.get(0).get(30, TimeUnit.SECONDS).status(),
                    responses.get(1).get(30, TimeUnit.SECONDS).status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        } finally {
            threads.shutdownNow();
        }
        assertThat(account(customer).get("balance").asString()).isEqualTo("30.00");
        assertThat(ledger(customer)).extracting(entry -> entry.get("type").asString())
                .containsExactly("AccountOpened", "MoneyDeposited", "MoneyDeposited");
    }

    private JsonNode page(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> versions(JsonNode page) {
        return page.get("content").valueStream().map(entry -> entry.get("version").asLong()).toList();
    }
}
