package dev.eventshop.order.lifecycle.metrics;

import dev.eventshop.order.lifecycle.application.OrderOutcomes;
import dev.eventshop.order.lifecycle.domain.CancellationReason;
import dev.eventshop.order.lifecycle.domain.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Orders by outcome ({@code eventshop.orders.finished}, tagged with status and reason) and the time from the
 * {@code POST} that placed an order to its final status ({@code eventshop.order.time.to.final.status}, a histogram
 * with percentiles), both recorded once the deciding transaction has committed.
 */
@Component
class MeteredOrderOutcomes implements OrderOutcomes {

    static final String FINISHED = "eventshop.orders.finished";
    static final String TIME_TO_FINAL_STATUS = "eventshop.order.time.to.final.status";

    private final MeterRegistry meters;

    MeteredOrderOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void finished(Order order) {
        String status = order.status().name();
        String reason = order.cancellationReason().map(CancellationReason::name).orElse("none");
        Duration sincePlaced = Duration.between(order.createdAt(), order.updatedAt());
        Runnable record = () -> {
            Counter.builder(FINISHED)
                    .description("Orders that reached their final status, by status and cancellation reason")
                    .tags("status", status, "reason", reason)
                    .register(meters)
                    .increment();
            Timer.builder(TIME_TO_FINAL_STATUS)
                    .description("Time from placing an order to its final status")
                    .tag("status", status)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofMinutes(5))
                    .register(meters)
                    .record(sincePlaced);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }
}
