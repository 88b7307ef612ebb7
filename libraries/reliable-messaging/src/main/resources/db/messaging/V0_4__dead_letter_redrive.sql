-- Every redrive of a dead letter: when, which record, at whose request, and what came of it.
CREATE TABLE dead_letter_redrive (
    id                BIGSERIAL PRIMARY KEY,
    -- where the dead letter is: <topic>-<partition>-<offset>, and the same in parts
    dead_letter_id    TEXT        NOT NULL,
    dead_letter_topic TEXT        NOT NULL,
    dead_letter_partition INT     NOT NULL,
    dead_letter_offset BIGINT     NOT NULL,
    event_id          TEXT,
    redriven_at       TIMESTAMPTZ NOT NULL,
    -- the request: its trace, Idempotency-Key and remote address
    trace_id          TEXT,
    idempotency_key   TEXT,
    remote_address    TEXT,
    outcome           TEXT        NOT NULL CHECK (outcome IN ('REDRIVEN', 'FAILED')),
    -- where the record was written (REDRIVEN), or why it was not (FAILED)
    target            TEXT,
    detail            TEXT
);

CREATE INDEX dead_letter_redrive_dead_letter ON dead_letter_redrive (dead_letter_id, redriven_at);
