package dev.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.analytics.sales.web.SummaryResponse;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.ConsumerGroup;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The one context configuration of every analytics-service integration test, so that Spring starts the service once
 * per test run.
 *
 * <p>Every test publishes through a {@link Shop}, which keeps a ledger of everything published in this JVM; since the
 * service reads every topic from the start, tests compare its figures with those of the whole ledger.
 */
@Import(TestHooks.class)
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);
    protected static final int TOP_PRODUCTS = 10;

    @Autowired
    protected RebuildGate rebuildGate;

    protected Shop shop;

    protected IntegrationTest() {
        super(EventRecords::toProducerRecord);
    }

    @BeforeEach
    void openShop() {
        shop = new Shop(events);
        shop.openWithTheSeedCatalog();
    }

    protected SummaryResponse summary() {
        Http.Response response = http.get("/analytics/summary");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.as(SummaryResponse.class);
    }

    /** What the summary must say about everything published so far. */
    protected static SummaryResponse expected() {
        return ExpectedSummary.of(Shop.ledger(), TOP_PRODUCTS);
    }

    /** Waits (bounded) until the summary says what it must about everything published so far, and returns it. */
    protected SummaryResponse awaitSummaryOfEverythingPublished() {
        await("the summary of everything published").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertSameFigures(summary(), expected()));
        return summary();
    }

    /** The same figures, whatever generation of the read models each comes from. */
    protected static void assertSameFigures(SummaryResponse actual, SummaryResponse expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("generation").isEqualTo(expected);
    }

    protected void awaitEverythingConsumed() {
        try (ConsumerGroup group = new ConsumerGroup(bootstrapServers, "analytics-service")) {
            group.awaitCaughtUp(PATIENCE);
        }
    }
}
