-- The order-service's replica of the product catalog, kept from the compacted product-catalog topic.
CREATE TABLE catalog_product (
    sku        TEXT           PRIMARY KEY,
    name       TEXT           NOT NULL,
    price      NUMERIC(12, 2) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    -- The product's state as of this time; an older state never replaces a newer one.
    updated_at TIMESTAMPTZ    NOT NULL
);
