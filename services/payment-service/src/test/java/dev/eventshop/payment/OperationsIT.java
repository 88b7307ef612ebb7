package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.OperationsContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API clients rely on besides accounts and payments: probes, metrics, info, the API document. */
class OperationsIT extends IntegrationTest implements OperationsContract {

    @Override
    public String apiPath() {
        return "/accounts/alice";
    }

    @Override
    public List<String> ownMetrics() {
        return List.of("eventshop_payment_ledger_conflicts_total");
    }

    @Test
    void publishes_an_openapi_document_of_the_accounts_and_payments_api() {
        JsonNode paths = apiDocument().get("paths");

        assertThat(paths.has("/accounts/{customerId}")).isTrue();
        assertThat(paths.get("/accounts/{customerId}/events").get("get").get("parameters").valueStream()
                .map(parameter -> parameter.get("name").asString())).as("its paging")
                .contains("after", "size");
        assertThat(paths.get("/accounts/{customerId}/deposits").has("post")).isTrue();
        assertThat(paths.has("/payments/{orderId}")).isTrue();
    }
}
