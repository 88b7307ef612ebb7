/** The account aggregate, event-sourced: a balance that is what its ledger's events add up to; free of frameworks. */
@NullMarked
package dev.eventshop.payment.account.domain;

import org.jspecify.annotations.NullMarked;
