-- Idempotency keys of HTTP requests (dev.eventshop.web.idempotency): claimed before the work (IN_FLIGHT), completed
-- with the answer in the work's transaction (COMPLETED), deleted when the work fails, and purged once older than the
-- retention (24 h or more) or, still in flight, older than abandoned-after.
--
-- Repeatable, not versioned: a version of the library's could clash with a service's own V1..Vn, or come after the
-- versions a database already has. So this script must stay safe to run again, on any earlier shape of the table:
-- change it only with IF NOT EXISTS and the like. (order-service had this table, without claim, from a V3 of its own, now gone.)
CREATE TABLE IF NOT EXISTS idempotency_key (
    idempotency_key   TEXT        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    -- SHA-256 of the request's method, target and canonical body: the same key with another request is refused.
    fingerprint       TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')),
    response_status   INT,
    response_body     TEXT,
    response_location TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    completed_at      TIMESTAMPTZ,
    CHECK (status = 'IN_FLIGHT' OR (response_status IS NOT NULL AND completed_at IS NOT NULL))
);

-- Which claim of the key the row is: a request completes only its own, never one made after a purge of its key.
-- The default gives rows claimed before the column existed a claim of their own.
ALTER TABLE idempotency_key ADD COLUMN IF NOT EXISTS claim UUID NOT NULL DEFAULT gen_random_uuid();

CREATE INDEX IF NOT EXISTS idempotency_key_created_at ON idempotency_key (created_at);
