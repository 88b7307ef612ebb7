-- The test application's business table: one row per effect of the probe listener.
CREATE TABLE probe_effect (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID        NOT NULL,
    subject    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
