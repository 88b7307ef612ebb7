-- Products with their stock, and the reservations that hold stock for orders in flight.
CREATE TABLE product (
    -- Byte order ("C"), the same as Java's: products are locked in SKU order, and events list lines in SKU order.
    sku               TEXT COLLATE "C" PRIMARY KEY,
    name              TEXT           NOT NULL,
    price             NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    currency          CHAR(3)        NOT NULL,
    -- Units that can be sold, and units held for orders in flight.
    available         INT            NOT NULL,
    reserved          INT            NOT NULL,
    -- Counts every change; published_version is the last one published to product-catalog. A migration that changes
    -- a product counts its version up, and the service publishes the new state when it next starts.
    version           BIGINT         NOT NULL,
    published_version BIGINT         NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    -- The last line of defence: no bug and no race may ever leave stock below zero.
    CONSTRAINT product_stock_not_negative CHECK (available >= 0 AND reserved >= 0),
    CHECK (published_version BETWEEN 0 AND version)
);

-- One per order, created by whichever of its events came first.
CREATE TABLE reservation (
    order_id    UUID        PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('RESERVED', 'FAILED', 'RELEASED', 'COMMITTED', 'CANCELLED')),
    updated_at  TIMESTAMPTZ NOT NULL
);

-- What the order asked for, one row per product; held while the reservation is RESERVED. A withdrawal recorded before
-- its order arrived (CANCELLED) has none until then. Not a foreign key: an order may name a product that does not
-- exist, and is refused for it.
CREATE TABLE reservation_line (
    order_id UUID             NOT NULL REFERENCES reservation (order_id) ON DELETE CASCADE,
    sku      TEXT COLLATE "C" NOT NULL,
    quantity INT              NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);
