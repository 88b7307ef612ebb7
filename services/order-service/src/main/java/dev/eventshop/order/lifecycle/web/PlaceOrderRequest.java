package dev.eventshop.order.lifecycle.web;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.order.lifecycle.application.PlaceOrder;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.order.lifecycle.domain.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders}. Components are nullable because clients may leave them out; validation turns that
 * into a {@code 400} before anything else happens.
 */
record PlaceOrderRequest(
        @NotBlank @Size(max = 100) @Nullable String customerId,
        @NotNull @Size(min = 1, max = Order.MAX_LINES) @DistinctSkus
        @Nullable List<@NotNull @Valid RequestedItem> items) {

    /** A quantity of one product. */
    record RequestedItem(
            @NotBlank @Size(max = 64) @Nullable String sku,
            @NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) @Nullable Integer quantity) {
    }

    /** The command for a request that passed validation. */
    PlaceOrder toCommand(OrderId orderId) {
        return new PlaceOrder(orderId, new CustomerId(Objects.requireNonNull(customerId)),
                Objects.requireNonNull(items).stream()
                        .map(item -> new PlaceOrder.Item(new Sku(Objects.requireNonNull(item.sku())),
                                Objects.requireNonNull(item.quantity())))
                        .toList());
    }
}
