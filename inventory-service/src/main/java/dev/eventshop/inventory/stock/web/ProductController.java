package dev.eventshop.inventory.stock.web;

import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.application.ProductCatalog;
import dev.eventshop.inventory.stock.application.UnknownProductException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the products with their prices and stock, and restocks them. */
@RestController
@RequestMapping(path = "/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    /** The longest SKU the shop uses, as the order-service accepts it. */
    static final int MAX_SKU_LENGTH = 64;

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
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

    /** Adds units to a product's available stock and answers with its new state, which is also published. */
    @PostMapping(path = "/{sku}/restock", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductResponse restock(@PathVariable String sku, @Valid @RequestBody RestockRequest request) {
        return ProductResponse.of(catalog.restock(parse(sku), Objects.requireNonNull(request.quantity())));
    }

    private static Sku parse(String sku) {
        if (sku.isBlank() || sku.length() > MAX_SKU_LENGTH) {
            throw new InvalidSkuException();
        }
        return new Sku(sku);
    }
}
