package dev.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.analytics.sales.web.SummaryResponse;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.testsupport.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The summary of sagas published to Kafka as the services would publish them: what the tests published, however often
 * and in whatever order it arrives.
 */
class SummaryIT extends IntegrationTest {

    @Test
    void the_summary_of_a_mix_of_200_orders_is_what_the_test_published() {
        SummaryResponse before = awaitSummaryOfEverythingPublished();
        List<Saga> orders = shop.mix(200, 200);

        shop.publish(orders);

        SummaryResponse after = awaitSummaryOfEverythingPublished();
        long confirmed = count(orders, Saga.Outcome.CONFIRMED);
        long declined = count(orders, Saga.Outcome.PAYMENT_DECLINED);
        long outOfStock = count(orders, Saga.Outcome.OUT_OF_STOCK);
        assertThat(confirmed).as("a mix").isPositive();
        assertThat(declined).as("a mix").isPositive();
        assertThat(outOfStock).as("a mix").isPositive();
        assertThat(after.orders().placed() - before.orders().placed()).isEqualTo(200);
        assertThat(after.orders().confirmed() - before.orders().confirmed()).isEqualTo(confirmed);
        assertThat(after.orders().cancelledByReason().get("PAYMENT_DECLINED")
                - before.orders().cancelledByReason().get("PAYMENT_DECLINED")).isEqualTo(declined);
        assertThat(after.orders().cancelledByReason().get("OUT_OF_STOCK")
                - before.orders().cancelledByReason().get("OUT_OF_STOCK")).isEqualTo(outOfStock);
        assertThat(revenue(after).subtract(revenue(before))).isEqualByComparingTo(orders.stream()
                .filter(saga -> saga.outcome() == Saga.Outcome.CONFIRMED)
                .map(saga -> saga.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(after.orders().placed()).isEqualTo(after.orders().confirmed() + after.orders().cancelled()
                + after.orders().pending());
        assertThat(after.topProducts()).isNotEmpty().allSatisfy(product -> assertThat(product.name()).isNotNull());
    }

    @Test
    void a_timed_out_order_counts_as_cancelled_for_its_reason_and_its_refunded_payment_is_no_revenue() {
        SummaryResponse before = awaitSummaryOfEverythingPublished();

        shop.publish(List.of(shop.saga(Saga.Outcome.TIMED_OUT, Duration.ofMinutes(2), "KB-001", 1),
                shop.saga(Saga.Outcome.TIMED_OUT, Duration.ofSeconds(125), "MN-003", 2)));

        SummaryResponse after = awaitSummaryOfEverythingPublished();
        assertThat(after.orders().cancelledByReason().get("TIMED_OUT")
                - before.orders().cancelledByReason().get("TIMED_OUT")).isEqualTo(2);
        assertThat(after.orders().cancelled() - before.orders().cancelled()).isEqualTo(2);
        assertThat(after.orders().confirmed()).isEqualTo(before.orders().confirmed());
        assertThat(revenue(after)).as("a payment refunded was never revenue").isEqualByComparingTo(revenue(before));
        assertThat(after.timeToConfirm()).isEqualTo(before.timeToConfirm());
    }

    @Test
    void the_summary_is_json_with_money_as_decimal_strings_and_times_in_milliseconds() {
        shop.publish(shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(1250), "KB-001", 2));
        awaitSummaryOfEverythingPublished();

        Http.Response response = http.get("/analytics/summary");

        assertThat(response.contentType()).startsWith("application/json");
        JsonNode summary = response.json();
        assertThat(summary.get("revenue").get(0).get("amount").isString()).isTrue();
        assertThat(summary.get("revenue").get(0).get("amount").asString()).matches("\\d+\\.\\d{2}");
        assertThat(summary.get("revenue").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(summary.get("conversionRate").isNumber()).isTrue();
        assertThat(summary.get("orders").get("cancelledByReason").propertyNames())
                .containsExactly("OUT_OF_STOCK", "PAYMENT_DECLINED", "TIMED_OUT");
        assertThat(summary.get("timeToConfirm").get("p50Millis").isNumber()).isTrue();
        assertThat(summary.get("topProducts").get(0).propertyNames()).containsExactly("sku", "name", "units");
        assertThat(summary.get("sagaSteps").propertyNames())
                .containsExactly("stockReserved", "paymentCompleted", "customerNotified");
    }

    @Test
    void delivering_every_event_twice_changes_nothing() {
        shop.publish(shop.mix(40, 40));
        SummaryResponse before = awaitSummaryOfEverythingPublished();

        int redelivered = shop.redeliverEverything();
        awaitEverythingConsumed();

        assertThat(redelivered).isGreaterThan(200);
        assertThat(summary()).isEqualTo(before);
    }

    @Test
    void the_same_facts_published_again_under_new_event_ids_change_nothing() {
        List<Saga> orders = shop.mix(20, 20);
        shop.publish(orders);
        SummaryResponse before = awaitSummaryOfEverythingPublished();

        shop.republishUnderNewIds(orders);
        awaitEverythingConsumed();

        assertThat(summary()).isEqualTo(before);
    }

    @Test
    void a_saga_whose_events_arrive_in_reverse_order_counts_as_if_they_had_not() {
        Saga saga = shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(1234), "HB-004", 2);

        shop.publish(saga, saga.events().reversed());

        awaitSummaryOfEverythingPublished();
    }

    @Test
    void an_order_placed_that_comes_back_from_a_retry_topic_after_its_confirmation_still_counts_its_time() {
        Saga saga = shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(2345), "MS-002", 1);
        List<IntegrationEvent> withoutPlacement = saga.events().stream()
                .filter(event -> !(event instanceof OrderPlaced)).toList();

        shop.publish(saga, withoutPlacement);
        await("the confirmation counted").atMost(PATIENCE)
                .until(() -> summary().orders().confirmed() == expected().orders().confirmed());
        assertThat(summary().timeToConfirm().orders()).as("not without the placement")
                .isEqualTo(expected().timeToConfirm().orders() - 1);
        shop.publishAsRetry(saga.events().getFirst());

        awaitSummaryOfEverythingPublished();
    }

    @Test
    void products_are_named_as_the_newest_state_of_the_catalog_names_them() {
        Sku cable = new Sku("CB-005");
        shop.publishProduct(new ProductUpdated(cable, "Limited edition cable, gold", Money.of("9.00", "EUR"), 3, 0,
                Instant.parse("2026-03-01T00:00:00Z")));
        shop.publishProduct(new ProductUpdated(cable, "Cable (an older state, published late)",
                Money.of("9.00", "EUR"), 5, 0, Instant.parse("2025-12-01T00:00:00Z")));
        shop.publish(shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(700), "CB-005", 1));
        shop.publish(shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(700),
                List.of(new OrderLine(new Sku("GIFT-25"), 1, Money.of("25.00", "EUR")))));

        SummaryResponse summary = awaitSummaryOfEverythingPublished();

        assertThat(summary.topProducts()).filteredOn(product -> product.sku().equals("CB-005"))
                .singleElement().satisfies(product -> assertThat(product.name())
                        .isEqualTo("Limited edition cable, gold"));
        assertThat(summary.topProducts()).filteredOn(product -> product.sku().equals("GIFT-25"))
                .singleElement().satisfies(product -> assertThat(product.name()).as("not in the catalog").isNull());
    }

    private static long count(List<Saga> sagas, Saga.Outcome outcome) {
        return sagas.stream().filter(saga -> saga.outcome() == outcome).count();
    }

    private static BigDecimal revenue(SummaryResponse summary) {
        return summary.revenue().stream().filter(amount -> amount.currency().equals("EUR"))
                .map(amount -> new BigDecimal(amount.amount())).findFirst().orElse(BigDecimal.ZERO);
    }
}
