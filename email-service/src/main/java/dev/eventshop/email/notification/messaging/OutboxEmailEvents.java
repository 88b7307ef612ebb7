package dev.eventshop.email.notification.messaging;

import dev.eventshop.email.notification.application.EmailEvents;
import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.email.EmailKind;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/** {@code EmailSent} through the messaging library's transactional outbox, onto {@code email-events}. */
@Component
class OutboxEmailEvents implements EmailEvents {

    private final Outbox outbox;

    OutboxEmailEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void emailSent(SentEmail email) {
        outbox.append(new EmailSent(email.orderId(), kind(email.kind()), email.to(), email.subject(), email.sentAt()));
    }

    private static EmailKind kind(dev.eventshop.email.notification.domain.EmailKind kind) {
        return switch (kind) {
            case ORDER_CONFIRMED -> EmailKind.ORDER_CONFIRMED;
            case ORDER_CANCELLED -> EmailKind.ORDER_CANCELLED;
        };
    }
}
