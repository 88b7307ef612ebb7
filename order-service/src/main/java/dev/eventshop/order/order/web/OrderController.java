package dev.eventshop.order.order.web;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.idempotency.IdempotencyKey;
import dev.eventshop.order.idempotency.IdempotentRequests;
import dev.eventshop.order.idempotency.RequestFingerprint;
import dev.eventshop.order.idempotency.StoredResponse;
import dev.eventshop.order.order.application.OrderPlacement;
import dev.eventshop.order.order.application.OrderQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Places orders and shows them, their timelines and each customer's orders. */
@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    /** The canonical form of a UUID only: {@link UUID#fromString} also takes forms like {@code 1-2-3-4-5}. */
    private static final Pattern ORDER_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String REPLAYED = "Idempotent-Replayed";

    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final IdempotentRequests idempotentRequests;
    private final JsonMapper json;

    OrderController(OrderPlacement placement, OrderQueries queries, IdempotentRequests idempotentRequests,
            JsonMapper json) {
        this.placement = placement;
        this.queries = queries;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
    }

    /**
     * Places an order: {@code 202 Accepted}, because the saga decides its fate later. With an {@code Idempotency-Key},
     * a retry of the same request gets the first response again, and no second order.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<OrderResponse> place(
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        if (idempotencyKey == null) {
            return accepted(placeNow(request));
        }
        IdempotentRequests.Outcome outcome = idempotentRequests.execute(new IdempotencyKey(idempotencyKey),
                RequestFingerprint.of(json.writeValueAsBytes(request)), () -> {
                    OrderResponse response = placeNow(request);
                    return new StoredResponse(HttpStatus.ACCEPTED.value(), location(response).toString(),
                            json.writeValueAsString(response));
                });
        StoredResponse stored = outcome.response();
        OrderResponse response = json.readValue(stored.body(), OrderResponse.class);
        OrderLogContext.put(response.orderId());
        return ResponseEntity.status(stored.status())
                .location(stored.location() == null ? location(response) : URI.create(stored.location()))
                .header(REPLAYED, Boolean.toString(outcome.replayed()))
                .body(response);
    }

    @GetMapping("/{orderId}")
    OrderResponse get(@PathVariable String orderId) {
        OrderId id = parse(orderId);
        return queries.find(id).map(OrderResponse::of).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** Every event this service emitted or received for the order, oldest first. */
    @GetMapping("/{orderId}/timeline")
    List<TimelineEntryResponse> timeline(@PathVariable String orderId) {
        OrderId id = parse(orderId);
        return queries.timeline(id)
                .map(entries -> entries.stream().map(TimelineEntryResponse::of).toList())
                .orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** A customer's orders, newest first; {@code page} counts from 0. */
    @GetMapping
    OrderPageResponse byCustomer(@RequestParam @NotBlank String customerId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return OrderPageResponse.of(queries.byCustomer(new CustomerId(customerId), page, size));
    }

    private OrderResponse placeNow(PlaceOrderRequest request) {
        OrderId orderId = OrderId.newId();
        OrderLogContext.put(orderId);
        return OrderResponse.of(placement.place(request.toCommand(orderId)));
    }

    private static ResponseEntity<OrderResponse> accepted(OrderResponse response) {
        return ResponseEntity.accepted().location(location(response)).body(response);
    }

    private static URI location(OrderResponse response) {
        return URI.create("/orders/" + response.orderId());
    }

    /** Parses an order id of a path, and names the order in this request's log lines. */
    private static OrderId parse(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new InvalidOrderIdException();
        }
        OrderLogContext.put(orderId);
        return OrderId.parse(orderId);
    }
}
