-- A payment may be VOIDED: the order was cancelled before it was charged. The row holds the order's one place in
-- this table, so a reservation that arrives later finds the order decided and charges nothing.
ALTER TABLE payment DROP CONSTRAINT payment_status_check;
ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('COMPLETED', 'FAILED', 'VOIDED'));

-- The refund of a completed payment whose order was cancelled: at most one per order, written in the transaction that
-- appends the refund to the ledger.
CREATE TABLE refund (
    order_id    UUID           PRIMARY KEY REFERENCES payment (order_id),
    customer_id TEXT           NOT NULL,
    amount      NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency    CHAR(3)        NOT NULL,
    refunded_at TIMESTAMPTZ    NOT NULL
);

-- An order is refunded at most once, whatever the refund table says.
CREATE UNIQUE INDEX account_event_one_refund_per_order ON account_event ((payload ->> 'orderId'))
    WHERE event_type = 'money-refunded.v1';
