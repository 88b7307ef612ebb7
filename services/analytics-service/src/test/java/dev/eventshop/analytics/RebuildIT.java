package dev.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.analytics.sales.web.RebuildResponse;
import dev.eventshop.analytics.sales.web.SummaryResponse;
import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.testsupport.Gate;
import dev.eventshop.testsupport.Http;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /analytics/rebuild} reads every topic again from the start into a new generation of the read models,
 * while the current one serves, switches at once and answers when done, with the same figures.
 */
class RebuildIT extends IntegrationTest {

    @Test
    void a_rebuild_from_the_start_of_the_topics_gives_the_same_figures() {
        shop.publish(shop.mix(200, 7));
        SummaryResponse live = awaitSummaryOfEverythingPublished();
        awaitEverythingConsumed();

        Http.Response response = http.post("/analytics/rebuild");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        RebuildResponse rebuild = response.as(RebuildResponse.class);
        assertThat(rebuild.previousGeneration()).isEqualTo(live.generation());
        assertThat(rebuild.generation()).isEqualTo(live.generation() + 1);
        assertThat(rebuild.events()).as("every record on the topics").isEqualTo(Shop.ledger().records());
        assertThat(rebuild.eventsByTopic()).containsOnlyKeys(Topics.ALL.stream().map(Topic::name).toList());
        assertThat(rebuild.skipped()).isZero();
        assertThat(rebuild.orders()).isEqualTo(live.orders().placed());
        assertThat(rebuild.products()).isEqualTo(Shop.ledger().products().stream()
                .map(product -> product.sku()).distinct().count());
        assertThat(rebuild.purgedRows()).as("the retired generation's rows").isPositive();
        SummaryResponse rebuilt = summary();
        assertThat(rebuilt.generation()).isEqualTo(rebuild.generation());
        assertSameFigures(rebuilt, live);
    }

    @Test
    void events_published_while_a_rebuild_runs_are_in_the_figures_it_switches_to() throws Exception {
        awaitSummaryOfEverythingPublished();
        Gate<Long> gate = rebuildGate.close();
        CompletableFuture<Http.Response> rebuild = CompletableFuture.supplyAsync(() -> http.post("/analytics/rebuild"));
        long building = gate.awaitArrival();

        shop.publish(shop.mix(30, 30));
        SummaryResponse meanwhile = awaitSummaryOfEverythingPublished();
        gate.open();
        Http.Response response = rebuild.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(meanwhile.generation()).as("the current generation served meanwhile").isEqualTo(building - 1);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        SummaryResponse switched = summary();
        assertThat(switched.generation()).isEqualTo(building);
        assertSameFigures(switched, expected());
    }

    @Test
    void a_second_rebuild_while_one_runs_is_refused() throws Exception {
        Gate<Long> gate = rebuildGate.close();
        CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> http.post("/analytics/rebuild"));
        gate.awaitArrival();

        Http.Response second = http.post("/analytics/rebuild");
        gate.open();

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        JsonNode problem = second.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://eventshop.dev/problems/rebuild-in-progress");
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
    }
}
