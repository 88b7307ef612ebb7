-- Customer accounts, event-sourced: the ledger's events are the only state written about an account.
CREATE TABLE account_event (
    account_id  TEXT        NOT NULL,
    -- 1 for the event that opened the account, then one more for each event, without gaps.
    version     BIGINT      NOT NULL CHECK (version >= 1),
    -- A stable name such as 'money-withdrawn.v1', never a class name.
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    -- Never before the account's previous event, so the events up to an instant are a prefix of the ledger.
    occurred_at TIMESTAMPTZ NOT NULL,
    -- Two writers that decided on the same version of an account cannot both append: the slower one fails, loads
    -- the account again and decides again. The application tells this conflict apart by the constraint's name.
    CONSTRAINT account_event_pkey PRIMARY KEY (account_id, version)
);

-- An order is debited at most once, whatever the payment table says.
CREATE UNIQUE INDEX account_event_one_debit_per_order ON account_event ((payload ->> 'orderId'))
    WHERE event_type = 'money-withdrawn.v1';

-- The ledger is append-only: what happened stays as it happened.
CREATE FUNCTION account_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'account_event is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER account_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON account_event
    FOR EACH ROW EXECUTE FUNCTION account_event_append_only();

CREATE TRIGGER account_event_no_truncate
    BEFORE TRUNCATE ON account_event
    FOR EACH STATEMENT EXECUTE FUNCTION account_event_append_only();

-- The latest snapshot of each account: derived data, so that loading replays only the events after it. Replaying the
-- whole ledger gives the same account.
CREATE TABLE account_snapshot (
    account_id TEXT           PRIMARY KEY,
    version    BIGINT         NOT NULL,
    -- The layout the service wrote the state in; a service that reads another layout ignores the row.
    format     INT            NOT NULL,
    balance    NUMERIC(19, 2) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    taken_at   TIMESTAMPTZ    NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (account_id, version) REFERENCES account_event (account_id, version)
);

-- The payment of each order: at most one, whatever arrives twice or concurrently. Written in the transaction that
-- appends the debit to the ledger.
CREATE TABLE payment (
    order_id    UUID           PRIMARY KEY,
    customer_id TEXT           NOT NULL,
    amount      NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency    CHAR(3)        NOT NULL,
    status      TEXT           NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
    reason      TEXT           CHECK (reason IN ('INSUFFICIENT_FUNDS', 'UNKNOWN_CUSTOMER')),
    created_at  TIMESTAMPTZ    NOT NULL,
    CHECK ((status = 'FAILED') = (reason IS NOT NULL))
);
