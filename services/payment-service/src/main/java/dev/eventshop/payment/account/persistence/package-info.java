/** The accounts' ledger and snapshots in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.payment.account.persistence;

import org.jspecify.annotations.NullMarked;
