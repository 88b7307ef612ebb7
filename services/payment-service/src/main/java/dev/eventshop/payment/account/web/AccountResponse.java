package dev.eventshop.payment.account.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventshop.payment.account.domain.Account;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account as the API shows it. The balance is a decimal string ({@code "5000.00"}) in the account's
 * {@code currency}; {@code version} is the number of events in its ledger (until {@code asOf}).
 *
 * @param asOf present only when the account was asked for as of an instant
 */
record AccountResponse(String customerId, String balance, String currency, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant asOf) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id().value(), account.balance().amount().toPlainString(),
                account.currency(), account.version(), null);
    }

    static AccountResponse asOf(Account account, Instant asOf) {
        return new AccountResponse(account.id().value(), account.balance().amount().toPlainString(),
                account.currency(), account.version(), asOf);
    }
}
