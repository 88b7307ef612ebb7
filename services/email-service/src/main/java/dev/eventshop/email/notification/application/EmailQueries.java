package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.OrderId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the log of sent emails. */
@Service
@Transactional(readOnly = true)
public class EmailQueries {

    private final SentEmails sentEmails;

    EmailQueries(SentEmails sentEmails) {
        this.sentEmails = sentEmails;
    }

    /** The emails sent about an order, oldest first; none for an order this service never heard of. */
    public List<SentEmail> sentFor(OrderId orderId) {
        return sentEmails.forOrder(orderId);
    }
}
