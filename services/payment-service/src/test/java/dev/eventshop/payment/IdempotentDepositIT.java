package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.CustomerId;
import dev.eventshop.testsupport.Http;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on deposits: a retried deposit gets the first answer again and pays nothing in twice. */
class IdempotentDepositIT extends IntegrationTest {

    private static final String KEY = "Idempotency-Key";

    @Test
    void a_retried_deposit_gets_the_first_answer_again_and_pays_in_once() {
        CustomerId customer = newCustomer();
        String key = UUID.randomUUID().toString();

        Http.Response first = http.postJson(depositsOf(customer), "{\"amount\": \"100.00\"}", KEY, key);
        Http.Response retry = http.postJson(depositsOf(customer), "{ \"amount\" : \"100.00\" }", KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/accounts/" + customer);
        assertThat(retry.body()).as("the same bytes").isEqualTo(first.body());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(account(customer).get("balance").asString()).isEqualTo("100.00");
        assertThat(ledger(customer)).extracting(entry -> entry.get("type").asString())
                .containsExactly("AccountOpened", "MoneyDeposited");
    }

    @Test
    void refuses_the_same_key_with_another_amount_and_pays_nothing_in() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        String key = UUID.randomUUID().toString();
        http.postJson(depositsOf(customer), "{\"amount\": \"10.00\"}", KEY, key);

        Http.Response other = http.postJson(depositsOf(customer), "{\"amount\": \"20.00\"}", KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString())
                .isEqualTo("https://eventshop.dev/problems/idempotency-key-reused");
        assertThat(account(customer).get("balance").asString()).isEqualTo("110.00");
        assertThat(ledger(customer)).hasSize(3);
    }

    @Test
    void refuses_the_same_key_and_amount_for_another_account() {
        CustomerId one = newCustomer();
        CustomerId another = newCustomer();
        String key = UUID.randomUUID().toString();
        http.postJson(depositsOf(one), "{\"amount\": \"10.00\"}", KEY, key);

        Http.Response other = http.postJson(depositsOf(another), "{\"amount\": \"10.00\"}", KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(http.get("/accounts/" + another).status()).isEqualTo(404);
    }

    @Test
    void refuses_a_malformed_key_before_paying_anything_in() {
        CustomerId customer = newCustomer();

        Http.Response response = http.postJson(depositsOf(customer), "{\"amount\": \"10.00\"}", KEY, "my key");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(KEY);
        assertThat(http.get("/accounts/" + customer).status()).isEqualTo(404);
    }

    private static String depositsOf(CustomerId customer) {
        return "/accounts/" + customer + "/deposits";
    }
}
