package dev.eventshop.order.lifecycle.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The saga's deadline ({@code eventshop.order.*}; in the environment {@code EVENTSHOP_ORDER_SAGA_DEADLINE=20s} and so
 * on).
 *
 * @param sagaDeadline how long an order may stay {@code PENDING} before it is cancelled as {@code TIMED_OUT}
 * @param deadlineCheckInterval how often overdue orders are looked for: an order ends at most this much after its
 *     deadline, give or take the time a check takes
 * @param deadlineBatchSize how many overdue orders one transaction cancels, so that a backlog after an outage is
 *     worked off in short transactions that hold few locks
 */
@ConfigurationProperties("eventshop.order")
public record SagaDeadlineProperties(@DefaultValue("2m") Duration sagaDeadline,
        @DefaultValue("5s") Duration deadlineCheckInterval, @DefaultValue("50") int deadlineBatchSize) {

    public SagaDeadlineProperties {
        if (!sagaDeadline.isPositive()) {
            throw new IllegalArgumentException("eventshop.order.saga-deadline must be positive: " + sagaDeadline);
        }
        if (!deadlineCheckInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "eventshop.order.deadline-check-interval must be positive: " + deadlineCheckInterval);
        }
        if (deadlineBatchSize < 1) {
            throw new IllegalArgumentException(
                    "eventshop.order.deadline-batch-size must be at least 1: " + deadlineBatchSize);
        }
    }
}
