package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.Http;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API clients rely on besides accounts and payments: probes, metrics, info, the API document. */
class OperationsIT extends IntegrationTest {

    @Test
    void reports_liveness_and_readiness() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Http.Response health = http.get(path);

            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void exposes_info_and_prometheus_metrics_but_no_other_actuator_endpoint() {
        http.get("/accounts/alice");

        Http.Response prometheus = http.get("/actuator/prometheus");

        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests_seconds_count")
                .contains("eventshop_payment_ledger_conflicts_total");
        assertThat(http.get("/actuator/env").status()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").status()).isEqualTo(404);
    }

    @Test
    void publishes_an_openapi_document_of_the_accounts_and_payments_api() {
        Http.Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/accounts/{customerId}")).isTrue();
        assertThat(paths.has("/accounts/{customerId}/events")).isTrue();
        assertThat(paths.get("/accounts/{customerId}/deposits").has("post")).isTrue();
        assertThat(paths.has("/payments/{orderId}")).isTrue();
    }
}
