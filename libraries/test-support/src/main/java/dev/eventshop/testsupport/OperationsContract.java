package dev.eventshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What operators rely on in every service: health probes, Prometheus metrics, info and the outbox's parked rows on the
 * actuator, and no other actuator endpoint. A service's {@code OperationsIT} implements it, naming a request of its API and its own metrics,
 * and adds tests of its own API document.
 */
public interface OperationsContract {

    Http http();

    /** A path of the service's API, requested first so that the HTTP metrics have something to count. */
    String apiPath();

    /** Metrics of the service's own that Prometheus must show, besides those of HTTP and the connection pool. */
    default List<String> ownMetrics() {
        return List.of();
    }

    @Test
    default void reports_liveness_and_readiness() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Http.Response health = http().get(path);

            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    default void exposes_info_prometheus_metrics_and_the_outbox_but_no_other_actuator_endpoint() {
        http().get(apiPath());

        Http.Response prometheus = http().get("/actuator/prometheus");

        assertThat(http().get("/actuator/info").status()).isEqualTo(200);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains(Stream.concat(
                Stream.of("http_server_requests_seconds_count", "hikaricp_connections"), ownMetrics().stream())
                .toList());
        Http.Response outbox = http().get("/actuator/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.json().get("count").asLong()).as("parked outbox rows").isZero();
        assertThat(http().post("/actuator/outbox/0").status()).as("releasing what is not parked").isEqualTo(404);
        assertThat(http().get("/actuator/env").status()).isEqualTo(404);
        assertThat(http().get("/actuator/beans").status()).isEqualTo(404);
    }

    /** The service's OpenAPI document, for its own tests of what the document describes. */
    default JsonNode apiDocument() {
        Http.Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.json();
    }
}
