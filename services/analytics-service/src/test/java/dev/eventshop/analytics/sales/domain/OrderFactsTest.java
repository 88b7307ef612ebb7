package dev.eventshop.analytics.sales.domain;

import static dev.eventshop.analytics.sales.domain.SagaFixture.KEYBOARD;
import static dev.eventshop.analytics.sales.domain.SagaFixture.MOUSE;
import static dev.eventshop.analytics.sales.domain.SagaFixture.PLACED;
import static dev.eventshop.analytics.sales.domain.SagaFixture.permutations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.order.CancellationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderFactsTest {

    private static final OrderId ORDER = OrderId.parse("0b5c4f0e-8d7a-4c1e-9f3b-2a6d8e1c7b40");

    @Test
    void a_confirmed_saga_tells_every_step_and_the_outcome() {
        OrderFacts facts = mergeAll(SagaFixture.confirmed(ORDER, PLACED, Duration.ofMillis(1200)));

        assertThat(facts.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(facts.placedAt()).isEqualTo(PLACED);
        assertThat(facts.stockReservedAt()).isEqualTo(PLACED.plusMillis(300));
        assertThat(facts.paymentCompletedAt()).isEqualTo(PLACED.plusMillis(600));
        assertThat(facts.customerNotifiedAt()).isEqualTo(PLACED.plusMillis(1400));
        assertThat(facts.confirmation()).isEqualTo(new Confirmation(PLACED.plusMillis(1200), Money.of("207.00", "EUR"),
                List.of(new ProductUnits(KEYBOARD, 2), new ProductUnits(MOUSE, 1))));
        assertThat(facts.cancellation()).isNull();
        assertThat(facts.timeToConfirm()).contains(Duration.ofMillis(1200));
    }

    @Test
    void the_events_of_a_saga_give_the_same_facts_in_every_order_they_can_arrive_in() {
        List<IntegrationEvent> saga = SagaFixture.confirmed(ORDER, PLACED, Duration.ofMillis(800));
        OrderFacts inOrder = mergeAll(saga);

        List<List<IntegrationEvent>> orders = permutations(saga);

        assertThat(orders).hasSize(120);
        assertThat(orders).allSatisfy(arrival -> assertThat(mergeAll(arrival)).isEqualTo(inOrder));
    }

    @Test
    void every_event_delivered_twice_changes_nothing() {
        List<IntegrationEvent> saga = SagaFixture.declined(ORDER, PLACED);
        List<IntegrationEvent> twice = new ArrayList<>(saga);
        twice.addAll(saga.reversed());

        assertThat(mergeAll(twice)).isEqualTo(mergeAll(saga));
        assertThat(mergeAll(saga).merge(mergeAll(saga))).isEqualTo(mergeAll(saga));
    }

    @Test
    void a_confirmation_that_arrives_before_its_placement_still_gives_the_time_to_confirm() {
        List<IntegrationEvent> saga = SagaFixture.confirmed(ORDER, PLACED, Duration.ofMillis(1500));
        OrderFacts confirmedFirst = facts(saga.get(3));

        assertThat(confirmedFirst.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(confirmedFirst.timeToConfirm()).as("the placement is not known yet").isEmpty();
        assertThat(confirmedFirst.merge(facts(saga.get(0))).timeToConfirm()).contains(Duration.ofMillis(1500));
    }

    @Test
    void the_time_to_confirm_is_between_the_times_the_events_state_not_when_they_arrive() {
        Instant placedLongAgo = Instant.parse("2020-01-01T00:00:00Z");

        OrderFacts facts = mergeAll(SagaFixture.confirmed(ORDER, placedLongAgo, Duration.ofSeconds(3)));

        assertThat(facts.timeToConfirm()).contains(Duration.ofSeconds(3));
    }

    @Test
    void a_cancelled_order_has_a_reason_and_no_time_to_confirm() {
        OrderFacts declined = mergeAll(SagaFixture.declined(ORDER, PLACED));
        OrderFacts outOfStock = mergeAll(SagaFixture.outOfStock(OrderId.newId(), PLACED));

        assertThat(declined.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(declined.cancellation()).isEqualTo(
                new Cancellation(PLACED.plusMillis(300), CancellationReason.PAYMENT_DECLINED));
        assertThat(declined.stockReservedAt()).isNotNull();
        assertThat(declined.paymentCompletedAt()).isNull();
        assertThat(declined.timeToConfirm()).isEmpty();
        assertThat(outOfStock.cancellation().reason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
        assertThat(outOfStock.stockReservedAt()).isNull();
    }

    @Test
    void a_timed_out_order_stays_cancelled_for_its_reason_however_late_its_payment_completes() {
        OrderFacts timedOut = mergeAll(SagaFixture.timedOut(ORDER, PLACED));

        assertThat(timedOut.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(timedOut.cancellation()).isEqualTo(
                new Cancellation(PLACED.plusSeconds(120), CancellationReason.TIMED_OUT));
        assertThat(timedOut.confirmation()).isNull();
        assertThat(timedOut.timeToConfirm()).isEmpty();
        assertThat(facts(SagaFixture.timedOut(ORDER, PLACED).getLast())).as("the refund")
                .isEqualTo(OrderFacts.known(ORDER));
    }

    @Test
    void an_event_about_an_order_means_the_order_exists_even_before_it_says_more() {
        OrderFacts fromAFailedReservation = facts(SagaFixture.outOfStock(ORDER, PLACED).get(1));

        assertThat(fromAFailedReservation).isEqualTo(OrderFacts.known(ORDER));
        assertThat(fromAFailedReservation.outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void of_two_confirmations_the_earlier_one_counts_whichever_arrives_first() {
        Confirmation early = new Confirmation(PLACED.plusSeconds(1), Money.of("89.00", "EUR"),
                List.of(new ProductUnits(KEYBOARD, 1)));
        Confirmation late = new Confirmation(PLACED.plusSeconds(2), Money.of("178.00", "EUR"),
                List.of(new ProductUnits(KEYBOARD, 2)));

        OrderFacts oneWay = OrderFacts.confirmed(ORDER, early).merge(OrderFacts.confirmed(ORDER, late));
        OrderFacts otherWay = OrderFacts.confirmed(ORDER, late).merge(OrderFacts.confirmed(ORDER, early));

        assertThat(oneWay).isEqualTo(otherWay);
        assertThat(oneWay.confirmation()).isEqualTo(early);
    }

    @Test
    void should_an_order_be_both_confirmed_and_cancelled_the_earlier_decision_is_its_outcome() {
        OrderFacts confirmed = OrderFacts.confirmed(ORDER, new Confirmation(PLACED.plusSeconds(2),
                Money.of("89.00", "EUR"), List.of(new ProductUnits(KEYBOARD, 1))));
        OrderFacts cancelledBefore = OrderFacts.cancelled(ORDER,
                new Cancellation(PLACED.plusSeconds(1), CancellationReason.OUT_OF_STOCK));
        OrderFacts cancelledAfter = OrderFacts.cancelled(ORDER,
                new Cancellation(PLACED.plusSeconds(3), CancellationReason.PAYMENT_DECLINED));

        assertThat(confirmed.merge(cancelledBefore).outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(confirmed.merge(cancelledBefore).merge(OrderFacts.placed(ORDER, PLACED)).timeToConfirm())
                .isEmpty();
        assertThat(cancelledAfter.merge(confirmed).outcome()).isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void units_are_one_entry_per_product_in_sku_order() {
        Confirmation confirmation = new Confirmation(PLACED, Money.of("207.00", "EUR"), List.of(
                new ProductUnits(MOUSE, 1), new ProductUnits(KEYBOARD, 1), new ProductUnits(KEYBOARD, 1)));

        assertThat(confirmation.units()).containsExactly(new ProductUnits(KEYBOARD, 2), new ProductUnits(MOUSE, 1));
    }

    @Test
    void times_are_kept_to_the_microsecond_as_the_read_models_store_them() {
        OrderFacts facts = OrderFacts.placed(ORDER, Instant.parse("2026-11-22T10:00:00.123456789Z"));

        assertThat(facts.placedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123456Z"));
    }

    @Test
    void facts_of_another_order_do_not_merge() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderFacts.known(ORDER).merge(OrderFacts.known(OrderId.newId())));
    }

    static OrderFacts facts(IntegrationEvent event) {
        return (OrderFacts) Facts.of(event).orElseThrow();
    }

    static OrderFacts mergeAll(List<IntegrationEvent> events) {
        return events.stream().map(OrderFactsTest::facts).reduce(OrderFacts::merge).orElseThrow();
    }
}
