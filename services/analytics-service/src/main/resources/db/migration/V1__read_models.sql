-- The read models of the analytics-service. Every row belongs to a generation: a rebuild fills generation N+1 from the
-- start of the topics while N serves, then switches in one transaction (see Rebuild and JdbcGenerations).

CREATE TABLE read_model_generation (
    generation  BIGINT      PRIMARY KEY,
    -- BUILDING: a rebuild is filling it, and live events go to it too; CURRENT: it serves every read;
    -- RETIRED: it served until a rebuild replaced it; ABANDONED: a rebuild that did not finish. The rows of the
    -- last two are deleted.
    state       TEXT        NOT NULL CHECK (state IN ('BUILDING', 'CURRENT', 'RETIRED', 'ABANDONED')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    switched_at TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ
);

-- At most one current and one being built.
CREATE UNIQUE INDEX read_model_generation_one_current ON read_model_generation (state) WHERE state = 'CURRENT';
CREATE UNIQUE INDEX read_model_generation_one_building ON read_model_generation (state) WHERE state = 'BUILDING';

INSERT INTO read_model_generation (generation, state, switched_at) VALUES (1, 'CURRENT', clock_timestamp());

-- What is known of each order, from every event about it on any topic (OrderFacts). Times are those the events state.
CREATE TABLE order_fact (
    generation             BIGINT      NOT NULL REFERENCES read_model_generation,
    order_id               UUID        NOT NULL,
    -- PENDING, CONFIRMED or CANCELLED: the earlier of confirmation and cancellation decides.
    outcome                TEXT        NOT NULL CHECK (outcome IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    placed_at              TIMESTAMPTZ,
    stock_reserved_at      TIMESTAMPTZ,
    payment_completed_at   TIMESTAMPTZ,
    confirmed_at           TIMESTAMPTZ,
    confirmed_total        NUMERIC(19, 2),
    currency               CHAR(3),
    cancelled_at           TIMESTAMPTZ,
    cancellation_reason    TEXT,
    customer_notified_at   TIMESTAMPTZ,
    -- confirmed_at - placed_at, once the order is confirmed and its placement known.
    time_to_confirm_micros BIGINT,
    PRIMARY KEY (generation, order_id),
    CHECK ((confirmed_at IS NULL) = (confirmed_total IS NULL) AND (confirmed_total IS NULL) = (currency IS NULL)),
    CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL))
);

CREATE INDEX order_fact_time_to_confirm ON order_fact (generation, time_to_confirm_micros)
    WHERE time_to_confirm_micros IS NOT NULL;

-- The units of each product an order sold, as its confirmation says.
CREATE TABLE confirmed_line (
    generation BIGINT  NOT NULL,
    order_id   UUID    NOT NULL,
    sku        TEXT    NOT NULL,
    units      INTEGER NOT NULL CHECK (units > 0),
    PRIMARY KEY (generation, order_id, sku),
    FOREIGN KEY (generation, order_id) REFERENCES order_fact ON DELETE CASCADE
);

-- Each product's name, from the product catalog: the newest state wins.
CREATE TABLE product (
    generation BIGINT      NOT NULL REFERENCES read_model_generation,
    sku        TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (generation, sku)
);
