package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentRefunded;
import java.util.Optional;

/**
 * What one event tells the analytics: facts about an order or about a product. Facts of the same thing merge into what
 * is known of it, in any order and any number of times, with the same result.
 */
public sealed interface Facts permits OrderFacts, ProductFacts {

    /** The facts an event states; empty for an event type these read models do not use. */
    static Optional<Facts> of(IntegrationEvent event) {
        return Optional.ofNullable(switch (event) {
            case OrderPlaced placed -> OrderFacts.placed(placed.orderId(), placed.placedAt());
            case OrderConfirmed confirmed -> OrderFacts.confirmed(confirmed.orderId(),
                    Confirmation.of(confirmed.confirmedAt(), confirmed.total(), confirmed.lines()));
            case OrderCancelled cancelled -> OrderFacts.cancelled(cancelled.orderId(),
                    new Cancellation(cancelled.cancelledAt(), cancelled.reason()));
            case StockReserved reserved -> OrderFacts.stockReserved(reserved.orderId(), reserved.reservedAt());
            case PaymentCompleted completed ->
                    OrderFacts.paymentCompleted(completed.orderId(), completed.completedAt());
            case EmailSent sent -> OrderFacts.customerNotified(sent.orderId(), sent.sentAt());
            // The cancellation that follows these is what the figures count; until then they say the order exists.
            case StockReservationFailed failed -> OrderFacts.known(failed.orderId());
            case PaymentFailed failed -> OrderFacts.known(failed.orderId());
            case StockReleased released -> OrderFacts.known(released.orderId());
            // A refund follows a cancellation, which the figures count; revenue counts confirmed orders only, so a
            // refunded payment never was revenue.
            case PaymentRefunded refunded -> OrderFacts.known(refunded.orderId());
            case ProductUpdated product -> new ProductFacts(product.sku(), product.name(), product.updatedAt());
            default -> null;
        });
    }
}
