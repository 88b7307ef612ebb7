-- The log of sent emails: at most one per order and kind. A consumer claims its row before it talks to the SMTP
-- server, in the transaction that records the event as processed, so a second sender of the same email waits on this
-- key and then finds it taken; the row commits only once the SMTP server accepted the email.
CREATE TABLE sent_email (
    order_id  UUID        NOT NULL,
    kind      TEXT        NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_CANCELLED')),
    recipient TEXT        NOT NULL,
    subject   TEXT        NOT NULL,
    -- The CloudEvents id of the event that called for the email.
    event_id  UUID        NOT NULL,
    -- When the SMTP server accepted the email.
    sent_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT sent_email_once_per_order_and_kind UNIQUE (order_id, kind)
);

-- Attempts at emails not sent yet, each committed on its own before the SMTP conversation starts. One left over when
-- the next attempt begins means a process died mid-way: the customer may already have the email, and the log says so.
-- Cleared when the email is sent.
CREATE TABLE email_attempt (
    id                   BIGSERIAL   PRIMARY KEY,
    order_id             UUID        NOT NULL,
    kind                 TEXT        NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_CANCELLED')),
    event_id             UUID        NOT NULL,
    attempted_at         TIMESTAMPTZ NOT NULL,
    -- Set when the attempt certainly did not reach the customer (the SMTP server was unreachable or said no).
    not_delivered_reason TEXT
);

CREATE INDEX email_attempt_by_email ON email_attempt (order_id, kind);
