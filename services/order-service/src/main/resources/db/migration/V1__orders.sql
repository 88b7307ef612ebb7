-- Orders, their lines, and the timeline of events each order's saga emitted and received.
CREATE TABLE orders (
    id                  UUID        PRIMARY KEY,
    customer_id         TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    cancellation_reason TEXT,
    total               NUMERIC(14, 2) NOT NULL,
    currency            CHAR(3)     NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'CANCELLED') = (cancellation_reason IS NOT NULL))
);

-- GET /orders?customerId=: a customer's orders, newest first.
CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC, id DESC);

CREATE TABLE order_line (
    order_id   UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    INT            NOT NULL,
    sku        TEXT           NOT NULL,
    quantity   INT            NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    -- In the order's currency.
    unit_price NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    UNIQUE (order_id, sku)
);

CREATE TABLE order_timeline_entry (
    id          BIGSERIAL   PRIMARY KEY,
    order_id    UUID        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- The CloudEvents id: an event appears once however often it was delivered.
    event_id    UUID        NOT NULL UNIQUE,
    event_type  TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX order_timeline_entry_by_order ON order_timeline_entry (order_id, occurred_at, id);
