package dev.eventshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API clients rely on besides the products: health probes, metrics, info and the API document. */
class OperationsIT extends IntegrationTest {

    @Test
    void reports_liveness_and_readiness() {
        Http.Response health = http.get("/actuator/health");
        Http.Response liveness = http.get("/actuator/health/liveness");
        Http.Response readiness = http.get("/actuator/health/readiness");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposes_info_and_prometheus_metrics_but_no_other_actuator_endpoint() {
        http.get("/products/KB-001");

        Http.Response prometheus = http.get("/actuator/prometheus");

        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections")
                .contains("eventshop_outbox_pending");
        assertThat(http.get("/actuator/env").status()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").status()).isEqualTo(404);
    }

    @Test
    void publishes_an_openapi_document_of_the_products_api() {
        Http.Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/products")).isTrue();
        assertThat(paths.get("/products").has("get")).isTrue();
        assertThat(paths.get("/products/{sku}").has("get")).isTrue();
        assertThat(paths.get("/products/{sku}/restock").has("post")).isTrue();
        assertThat(docs.json().get("components").get("schemas").has("Problem")).isTrue();
    }
}
