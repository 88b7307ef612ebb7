package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderTrackerTest {

    private final OrderTracker tracker = new OrderTracker();
    private final SystemStep.Stats step = new SystemStep.Stats();

    @Test
    void completes_an_order_when_its_final_event_follows_the_202() {
        step.sent.set(1);
        step.accepted.set(1);
        tracker.accepted("order-1", new OrderTracker.Accepted(1_000_000, "CONFIRMED", step));
        assertThat(tracker.pending()).isEqualTo(1);

        tracker.finished("order-1", "CONFIRMED", 3_000_000);

        assertThat(tracker.pending()).isZero();
        assertThat(step.completed.get()).isEqualTo(1);
        assertThat(step.unexpected.get()).isZero();
        assertThat(step.finalLatency.getMaxValue()).isBetween(1_999L, 2_001L);
        assertThat(step.done()).isTrue();
    }

    @Test
    void completes_an_order_whose_final_event_was_read_before_its_202() {
        tracker.finished("order-2", "OUT_OF_STOCK", 5_000_000);
        assertThat(tracker.pending()).isZero();

        tracker.accepted("order-2", new OrderTracker.Accepted(1_000_000, "OUT_OF_STOCK", step));

        assertThat(tracker.pending()).isZero();
        assertThat(step.completed.get()).isEqualTo(1);
        assertThat(step.outcomes).containsEntry("OUT_OF_STOCK", 1L);
    }

    @Test
    void counts_an_order_that_ends_otherwise_than_it_must() {
        tracker.accepted("order-3", new OrderTracker.Accepted(0, "CONFIRMED", step));
        tracker.finished("order-3", "PAYMENT_DECLINED", 1_000);

        assertThat(step.unexpected.get()).isEqualTo(1);
    }
}
