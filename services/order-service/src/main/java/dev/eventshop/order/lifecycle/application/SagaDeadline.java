package dev.eventshop.order.lifecycle.application;

import dev.eventshop.housekeeping.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Ends every order the saga lost: every {@code deadline-check-interval}, on a thread of its own, cancels the orders
 * still {@code PENDING} a {@code saga-deadline} after they were placed, as {@code TIMED_OUT}, batch after batch until
 * none is left. Each replica runs one; they share the work through {@code SKIP LOCKED}. The other services compensate
 * on the {@code OrderCancelled}: the inventory gives the stock back, the payment-service refunds a payment that
 * completed, now or later.
 */
@Component
@EnableConfigurationProperties(SagaDeadlineProperties.class)
public class SagaDeadline extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadline.class);

    private final OrderSaga saga;
    private final SagaDeadlineProperties properties;
    private final Clock clock;

    SagaDeadline(OrderSaga saga, SagaDeadlineProperties properties, Clock clock) {
        super("saga-deadline", properties.deadlineCheckInterval(), properties.deadlineCheckInterval());
        this.saga = saga;
        this.properties = properties;
        this.clock = clock;
    }

    /** Cancels every order overdue now, one batch per transaction; returns how many. */
    public int cancelOverdue() {
        Instant placedBefore = clock.instant().minus(properties.sagaDeadline());
        int total = 0;
        int cancelled;
        do {
            cancelled = saga.cancelOverdue(placedBefore, properties.deadlineBatchSize());
            total += cancelled;
        } while (cancelled == properties.deadlineBatchSize());
        if (total > 0) {
            log.warn("Cancelled {} order(s) still pending {} after they were placed", total,
                    properties.sagaDeadline());
        }
        return total;
    }

    @Override
    protected void runOnce() {
        cancelOverdue();
    }
}
