-- Idempotency-Key of POST requests: claimed before the work (IN_FLIGHT), completed with the response in the work's
-- transaction (COMPLETED), deleted when the work fails, and purged once older than the retention (24 h or more).
CREATE TABLE idempotency_key (
    idempotency_key   TEXT        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    -- SHA-256 of the request's canonical form: the same key with another request is refused.
    fingerprint       TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')),
    response_status   INT,
    response_body     TEXT,
    response_location TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    completed_at      TIMESTAMPTZ,
    CHECK (status = 'IN_FLIGHT' OR (response_status IS NOT NULL AND completed_at IS NOT NULL))
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
