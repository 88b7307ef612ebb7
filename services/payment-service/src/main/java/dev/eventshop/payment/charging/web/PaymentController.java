package dev.eventshop.payment.charging.web;

import dev.eventshop.events.OrderId;
import dev.eventshop.payment.charging.application.PaymentQueries;
import dev.eventshop.web.RequestLogContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the payment of an order. Payments are made from Kafka events only, never over HTTP. */
@RestController
@RequestMapping(path = "/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentController {

    /** The canonical form of a UUID only: {@link UUID#fromString} also takes forms like {@code 1-2-3-4-5}. */
    private static final Pattern ORDER_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PaymentQueries queries;

    PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{orderId}")
    PaymentResponse get(@PathVariable String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new InvalidOrderIdException();
        }
        RequestLogContext.put("orderId", orderId);
        OrderId id = OrderId.parse(orderId);
        return queries.find(id).map(PaymentResponse::of).orElseThrow(() -> new PaymentNotFoundException(id));
    }
}
