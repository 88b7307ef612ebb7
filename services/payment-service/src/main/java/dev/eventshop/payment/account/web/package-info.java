/** The REST API of accounts: balances now and as of an instant, ledgers, and deposits. */
@NullMarked
package dev.eventshop.payment.account.web;

import org.jspecify.annotations.NullMarked;
