-- A row the broker rejects for good (too large, not authorised, no such topic) is parked after a bounded number of
-- attempts instead of stalling the outbox: rows of other keys flow on, rows of its key wait behind it until an
-- operator releases it. Additive, so it applies to a database that already holds rows (existing rows: 0 attempts).
ALTER TABLE outbox_event
    ADD COLUMN attempts   INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

-- The relay holds back the later rows of a key whose earliest unpublished row was rejected; this index holds only
-- the rejected rows, so it stays empty in normal operation.
CREATE INDEX outbox_event_rejected ON outbox_event (record_key, id) WHERE published_at IS NULL AND attempts > 0;
