package dev.eventshop.inventory.stock.web;

import dev.eventshop.inventory.stock.domain.Product;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /products/{sku}/restock}: how many units arrived. Nullable because clients may leave it out;
 * validation turns that into a {@code 400} before anything else happens.
 */
record RestockRequest(@NotNull @Min(1) @Max(Product.MAX_RESTOCK) @Nullable Integer quantity) {
}
