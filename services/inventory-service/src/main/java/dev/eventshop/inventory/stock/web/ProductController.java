package dev.eventshop.inventory.stock.web;

import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.application.ProductCatalog;
import dev.eventshop.inventory.stock.application.UnknownProductException;
import dev.eventshop.web.idempotency.IdempotencyKey;
import dev.eventshop.web.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the products with their prices and stock, and restocks them. */
@RestController
@RequestMapping(path = "/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    /** The longest SKU the shop uses, as the order-service accepts it. */
    static final int MAX_SKU_LENGTH = 64;

    private final ProductCatalog catalog;
    private final IdempotentRequests idempotentRequests;

    ProductController(ProductCatalog catalog, IdempotentRequests idempotentRequests) {
        this.catalog = catalog;
        this.idempotentRequests = idempotentRequests;
    }

    /** Every product, by SKU. */
    @GetMapping
    List<ProductResponse> all() {
        return catalog.all().stream().map(ProductResponse::of).toList();
    }

    @GetMapping("/{sku}")
    ProductResponse one(@PathVariable String sku) {
        Sku id = parse(sku);
        return catalog.find(id).map(ProductResponse::of).orElseThrow(() -> new UnknownProductException(id));
    }

    /**
     * Adds units to a product's available stock and answers with its new state, which is also published. With an
     * {@code Idempotency-Key}, a retry of the same restock gets the first answer again, and adds nothing a second time.
     */
    @PostMapping(path = "/{sku}/restock", consumes = MediaType.APPLICATION_JSON_VALUE)
    // the answer may be a stored one, written as JSON bytes, so the type of its body is named here
    @ApiResponse(responseCode = "200", description = "The product with its new stock",
            content = @Content(schema = @Schema(implementation = ProductResponse.class)))
    ResponseEntity<?> restock(@PathVariable String sku,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody RestockRequest request) {
        Sku id = parse(sku);
        int quantity = Objects.requireNonNull(request.quantity());
        return idempotentRequests.run(idempotencyKey, request,
                () -> ResponseEntity.ok(ProductResponse.of(catalog.restock(id, quantity))));
    }

    private static Sku parse(String sku) {
        if (sku.isBlank() || sku.length() > MAX_SKU_LENGTH) {
            throw new InvalidSkuException();
        }
        return new Sku(sku);
    }
}
