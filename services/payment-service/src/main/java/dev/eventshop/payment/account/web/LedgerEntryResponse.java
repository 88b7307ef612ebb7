package dev.eventshop.payment.account.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventshop.payment.account.domain.AccountEvent.AccountOpened;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyDeposited;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyRefunded;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import dev.eventshop.payment.account.domain.LedgerEntry;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event of an account's ledger.
 *
 * @param type {@code AccountOpened}, {@code MoneyDeposited}, {@code MoneyWithdrawn} or {@code MoneyRefunded}: names of
 *     this API, spelled out here, so that renaming a Java type changes nothing a client sees
 * @param amount the amount moved, a decimal string; absent for the opening
 * @param orderId the order a withdrawal paid for, or a refund paid back; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LedgerEntryResponse(String type, long version, @Nullable String amount, String currency,
        @Nullable String orderId, Instant occurredAt) {

    static LedgerEntryResponse of(LedgerEntry entry) {
        return switch (entry.event()) {
            case AccountOpened opened -> new LedgerEntryResponse("AccountOpened", entry.version(), null,
                    opened.currency(), null, entry.occurredAt());
            case MoneyDeposited deposited -> new LedgerEntryResponse("MoneyDeposited", entry.version(),
                    deposited.amount().amount().toPlainString(), deposited.amount().currency(), null,
                    entry.occurredAt());
            case MoneyWithdrawn withdrawn -> new LedgerEntryResponse("MoneyWithdrawn", entry.version(),
                    withdrawn.amount().amount().toPlainString(), withdrawn.amount().currency(),
                    withdrawn.orderId().toString(), entry.occurredAt());
            case MoneyRefunded refunded -> new LedgerEntryResponse("MoneyRefunded", entry.version(),
                    refunded.amount().amount().toPlainString(), refunded.amount().currency(),
                    refunded.orderId().toString(), entry.occurredAt());
        };
    }
}
