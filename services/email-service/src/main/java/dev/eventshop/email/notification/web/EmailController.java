package dev.eventshop.email.notification.web;

import dev.eventshop.email.notification.application.EmailQueries;
import dev.eventshop.events.OrderId;
import dev.eventshop.web.RequestLogContext;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows which emails went out about an order. */
@RestController
@RequestMapping(path = "/emails", produces = MediaType.APPLICATION_JSON_VALUE)
class EmailController {

    /** The canonical form of a UUID only: {@link java.util.UUID#fromString} also takes forms like {@code 1-2-3-4-5}. */
    private static final Pattern ORDER_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final EmailQueries queries;

    EmailController(EmailQueries queries) {
        this.queries = queries;
    }

    /** The emails sent about an order, oldest first: an empty list for an order without any. */
    @GetMapping
    List<SentEmailResponse> byOrder(@RequestParam String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new InvalidOrderIdException();
        }
        RequestLogContext.put("orderId", orderId);
        return queries.sentFor(OrderId.parse(orderId)).stream().map(SentEmailResponse::of).toList();
    }
}
