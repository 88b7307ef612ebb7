package dev.eventshop.email.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.email.notification.domain.CancellationReason;
import dev.eventshop.email.notification.domain.EmailKind;
import dev.eventshop.email.notification.domain.OrderOutcome;
import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntegrationEventsTest {

    private static final OrderId ORDER = OrderId.newId();
    private static final CustomerId ALICE = new CustomerId("alice");
    private static final Money TOTAL = Money.of("178.00", "EUR");
    private static final List<OrderLine> LINES = List.of(new OrderLine(new Sku("KB-001"), 2, Money.of("89.00", "EUR")));

    @Test
    void a_confirmed_order_calls_for_a_confirmation_with_its_lines_and_total() {
        var outcome = IntegrationEvents.outcomeOf(new OrderConfirmed(ORDER, ALICE, LINES, TOTAL, Instant.now()));

        assertThat(outcome).contains(new OrderOutcome.Confirmed(ORDER, ALICE, LINES, TOTAL));
    }

    @ParameterizedTest
    @EnumSource(dev.eventshop.events.order.CancellationReason.class)
    void a_cancelled_order_calls_for_a_cancellation_with_its_reason(dev.eventshop.events.order.CancellationReason reason) {
        var outcome = IntegrationEvents.outcomeOf(new OrderCancelled(ORDER, ALICE, LINES, TOTAL, reason,
                Instant.now()));

        assertThat(outcome).hasValueSatisfying(cancelled -> assertThat(((OrderOutcome.Cancelled) cancelled).reason())
                .isEqualTo(CancellationReason.valueOf(reason.name())));
    }

    @Test
    void a_placed_order_calls_for_no_email() {
        assertThat(IntegrationEvents.outcomeOf(new OrderPlaced(ORDER, ALICE, LINES, TOTAL, Instant.now()))).isEmpty();
    }

    @Test
    void a_sent_email_becomes_email_sent_of_the_same_kind() {
        Instant sentAt = Instant.now();
        SentEmail sent = new SentEmail(ORDER, EmailKind.ORDER_CANCELLED, "alice@customers.eventshop.test",
                "Your order was cancelled", sentAt);

        EmailSent event = IntegrationEvents.emailSent(sent);

        assertThat(event.orderId()).isEqualTo(ORDER);
        assertThat(event.kind()).isEqualTo(dev.eventshop.events.email.EmailKind.ORDER_CANCELLED);
        assertThat(event.to()).isEqualTo(sent.to());
        assertThat(event.subject()).isEqualTo(sent.subject());
    }
}
