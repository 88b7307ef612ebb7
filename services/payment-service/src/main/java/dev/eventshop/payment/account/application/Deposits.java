package dev.eventshop.payment.account.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Pays money into accounts; a deposit to a customer without an account opens one. */
@Service
public class Deposits {

    private static final Logger log = LoggerFactory.getLogger(Deposits.class);

    private final AccountLedger ledger;
    private final AccountRecorder recorder;
    private final OptimisticRetry retry;
    private final Clock clock;
    private final String defaultCurrency;

    Deposits(AccountLedger ledger, AccountRecorder recorder, OptimisticRetry retry, Clock clock,
            AccountProperties properties) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.retry = retry;
        this.clock = clock;
        this.defaultCurrency = properties.defaultCurrency();
    }

    /**
     * Records a deposit, opening the account if the customer has none.
     *
     * @param currency the deposit's currency; when absent, the account's, or the default for a new account
     * @throws IllegalArgumentException when the amount is not positive or has more than two decimals
     * @throws dev.eventshop.payment.account.domain.CurrencyMismatchException when the currency is not the account's
     */
    public Deposited deposit(CustomerId id, BigDecimal amount, @Nullable String currency) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a deposit has at most two decimals: " + amount.toPlainString());
        }
        return retry.run(() -> {
            Optional<Account> account = ledger.load(id);
            Money money = new Money(amount, currency != null ? currency
                    : account.map(Account::currency).orElse(defaultCurrency));
            List<AccountEvent> events = account
                    .map(open -> List.<AccountEvent>of(open.deposit(money)))
                    .orElseGet(() -> Account.openWithDeposit(money));
            Account after = recorder.record(id, account, events, clock.instant());
            log.info("Deposited {} into account {}{}: balance {}", money, id, account.isEmpty() ? " (opened)" : "",
                    after.balance());
            return new Deposited(after, account.isEmpty());
        });
    }
}
