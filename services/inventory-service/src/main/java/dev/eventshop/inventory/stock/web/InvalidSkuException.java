package dev.eventshop.inventory.stock.web;

/** A path names a product with something that cannot be a SKU. */
class InvalidSkuException extends RuntimeException {

    InvalidSkuException() {
        super("must be 1 to " + ProductController.MAX_SKU_LENGTH + " characters, not all blank");
    }
}
