package dev.eventshop.messaging.database;

import java.time.Duration;

/**
 * A transaction long on purpose, such as the relay's (it waits for the broker's acknowledgements) or a purge of a
 * whole read model. Every connection of the library's pool has a {@code transaction_timeout} that cuts off a handler's
 * work stuck in a slow database; such a transaction lifts it for itself only and keeps a bound of its own instead.
 */
public enum LongTransaction {

    /** Bounded by how long each of its statements may run. */
    EACH_STATEMENT("statement_timeout"),
    /** Bounded by how long it may sit idle between its statements, waiting for something else. */
    EACH_WAIT_BETWEEN_STATEMENTS("idle_in_transaction_session_timeout");

    private final String setting;

    LongTransaction(String setting) {
        this.setting = setting;
    }

    /**
     * The SQL to run first in the transaction (one round trip): this bound, and no {@code transaction_timeout}, until
     * it ends; the connection's defaults return with the next transaction.
     */
    public String boundedBy(Duration bound) {
        if (!bound.isPositive()) {
            throw new IllegalArgumentException(setting + " of a long transaction must be positive: " + bound);
        }
        return "SET LOCAL " + setting + " = '" + bound.toMillis() + "ms'; SET LOCAL transaction_timeout = 0";
    }
}
