/**
 * The use cases of accounts: deposits and queries, and the optimistic load-decide-append cycle every change of an
 * account goes through.
 */
@NullMarked
package dev.eventshop.payment.account.application;

import org.jspecify.annotations.NullMarked;
