package dev.eventshop.order.lifecycle.web;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.application.OrderPlacement;
import dev.eventshop.order.lifecycle.application.OrderQueries;
import dev.eventshop.web.RequestLogContext;
import dev.eventshop.web.idempotency.IdempotencyKey;
import dev.eventshop.web.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Places orders and shows them, their timelines and each customer's orders. */
@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    /** The canonical form of a UUID only: {@link UUID#fromString} also takes forms like {@code 1-2-3-4-5}. */
    private static final Pattern ORDER_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final IdempotentRequests idempotentRequests;

    OrderController(OrderPlacement placement, OrderQueries queries, IdempotentRequests idempotentRequests) {
        this.placement = placement;
        this.queries = queries;
        this.idempotentRequests = idempotentRequests;
    }

    /**
     * Places an order: {@code 202 Accepted}, because the saga decides its fate later. With an {@code Idempotency-Key},
     * a retry of the same request gets the first answer again, and no second order.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    // the answer may be a stored one, written as JSON bytes, so the type of its body is named here
    @ApiResponse(responseCode = "202", description = "The order, PENDING",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    ResponseEntity<?> place(
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        return idempotentRequests.run(idempotencyKey, request, () -> {
            OrderResponse order = placeNow(request);
            return ResponseEntity.accepted().location(URI.create("/orders/" + order.orderId())).body(order);
        });
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
        RequestLogContext.put("orderId", orderId);
        return OrderResponse.of(placement.place(request.toCommand(orderId)));
    }

    /** Parses an order id of a path, and names the order in this request's log lines. */
    private static OrderId parse(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new InvalidOrderIdException();
        }
        RequestLogContext.put("orderId", orderId);
        return OrderId.parse(orderId);
    }
}
