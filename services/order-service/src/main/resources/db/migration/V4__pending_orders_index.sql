-- The pending-orders gauge reads the oldest pending order on every scrape; only pending orders are indexed.
CREATE INDEX orders_pending ON orders (created_at) WHERE status = 'PENDING';
