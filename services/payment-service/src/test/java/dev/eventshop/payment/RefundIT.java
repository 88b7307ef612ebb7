package dev.eventshop.payment;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.payment.PaymentRefunded;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.EventInjector.Published;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The payment side of a cancelled order, driven by {@code OrderCancelled} on {@code order-events} and
 * {@code StockReserved} on {@code inventory-events}, in either order: a payment that completed is refunded once, an
 * order not charged yet never is, so the customer's balance ends where it started.
 */
class RefundIT extends IntegrationTest {

    private static final String PAYMENT_REFUNDED = "dev.eventshop.payment.refunded.v1";

    @Test
    void refunds_a_payment_that_completed_before_the_order_timed_out_and_restores_the_balance() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();
        events.publish(stockReserved(order, customer, eur("30.00")));
        assertThat(header(awaitPaymentEvent(order), "ce_type")).isEqualTo(PAYMENT_COMPLETED);

        events.publish(timedOut(order, customer, eur("30.00")));

        ConsumerRecord<String, byte[]> record = paymentEvents.awaitAtLeast(1, withKey(order.toString())
                .and(refund -> PAYMENT_REFUNDED.equals(header(refund, "ce_type"))), PATIENCE).getFirst();
        assertThat(header(record, "ce_source")).isEqualTo("/payment-service");
        assertThat(header(record, "ce_subject")).isEqualTo(order.toString());
        PaymentRefunded refunded = (PaymentRefunded) EventRecords.decode(record.headers(), record.value()).payload();
        assertThat(refunded.orderId()).isEqualTo(order);
        assertThat(refunded.customerId()).isEqualTo(customer);
        assertThat(refunded.amount()).isEqualTo(eur("30.00"));
        assertThat(balance(customer)).isEqualByComparingTo("100.00");
        JsonNode refund = ledger(customer).getLast();
        assertThat(refund.get("type").asString()).isEqualTo("MoneyRefunded");
        assertThat(refund.get("amount").asString()).isEqualTo("30.00");
        assertThat(refund.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(http.get("/payments/" + order).json().get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void never_charges_an_order_whose_reservation_arrives_after_its_cancellation() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();

        awaitProcessed(events.publish(timedOut(order, customer, eur("30.00"))));
        awaitProcessed(events.publish(stockReserved(order, customer, eur("30.00"))));

        assertThat(balance(customer)).isEqualByComparingTo("100.00");
        assertThat(ledger(customer)).extracting(entry -> entry.get("type").asString())
                .containsExactly("AccountOpened", "MoneyDeposited");
        assertThat(outboxCount(order)).as("no PaymentCompleted or PaymentFailed").isZero();
        assertThat(outboxCount(order.toString(), PAYMENT_REFUNDED)).isZero();
        assertThat(http.get("/payments/" + order).json().get("status").asString()).isEqualTo("VOIDED");
    }

    @Test
    void refunds_once_however_often_and_under_whatever_event_id_the_cancellation_and_reservation_arrive() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();
        events.publish(stockReserved(order, customer, eur("30.00")));
        awaitPaymentEvent(order);
        OrderCancelled cancelled = timedOut(order, customer, eur("30.00"));

        Published first = events.publish(cancelled);
        Published again = events.publish(cancelled, first.eventId());
        Published anotherCancellation = events.publish(cancelled);
        Published anotherReservation = events.publish(stockReserved(order, customer, eur("30.00")));
        List.of(first, again, anotherCancellation, anotherReservation).forEach(this::awaitProcessed);

        assertThat(balance(customer)).isEqualByComparingTo("100.00");
        assertThat(ledger(customer)).extracting(entry -> entry.get("type").asString())
                .containsExactly("AccountOpened", "MoneyDeposited", "MoneyWithdrawn", "MoneyRefunded");
        assertThat(outboxCount(order.toString(), PAYMENT_REFUNDED)).isOne();
        assertThat(outboxCount(order)).as("the one PaymentCompleted").isOne();
    }

    @Test
    void gives_nothing_back_for_a_declined_payment() {
        OrderId order = OrderId.newId();
        events.publish(stockReserved(order, BOB, eur("249.00")));
        assertThat(header(awaitPaymentEvent(order), "ce_type")).isEqualTo(PAYMENT_FAILED);
        String before = account(BOB).get("balance").asString();

        awaitProcessed(events.publish(new OrderCancelled(order, BOB, lines(eur("249.00")), eur("249.00"),
                CancellationReason.PAYMENT_DECLINED, Instant.now())));

        assertThat(account(BOB).get("balance").asString()).isEqualTo(before);
        assertThat(outboxCount(order.toString(), PAYMENT_REFUNDED)).isZero();
    }

    private static OrderCancelled timedOut(OrderId order, CustomerId customer, Money total) {
        return new OrderCancelled(order, customer, lines(total), total, CancellationReason.TIMED_OUT, Instant.now());
    }

    private static List<OrderLine> lines(Money total) {
        return List.of(new OrderLine(new Sku("KB-001"), 1, total));
    }
}
