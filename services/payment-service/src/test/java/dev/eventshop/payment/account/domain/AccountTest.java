package dev.eventshop.payment.account.domain;

import static dev.eventshop.payment.account.domain.AccountFixture.ALICE;
import static dev.eventshop.payment.account.domain.AccountFixture.after;
import static dev.eventshop.payment.account.domain.AccountFixture.aliceWith;
import static dev.eventshop.payment.account.domain.AccountFixture.busyHistory;
import static dev.eventshop.payment.account.domain.AccountFixture.eur;
import static dev.eventshop.payment.account.domain.AccountFixture.ledger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.AccountEvent.AccountOpened;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyDeposited;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyRefunded;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    @Nested
    class Opening {

        @Test
        void a_first_deposit_opens_the_account_in_its_currency() {
            List<AccountEvent> events = Account.openWithDeposit(eur("100.00"));

            assertThat(events).containsExactly(new AccountOpened("EUR"), new MoneyDeposited(eur("100.00")));
            Account account = Account.replay(ALICE, ledger(events));
            assertThat(account.balance()).isEqualTo(eur("100.00"));
            assertThat(account.currency()).isEqualTo("EUR");
            assertThat(account.version()).isEqualTo(2);
        }

        @Test
        void an_account_just_opened_holds_nothing() {
            Account account = Account.replay(ALICE, ledger(List.of(new AccountOpened("USD"))));

            assertThat(account.balance()).isEqualTo(Money.zero("USD"));
            assertThat(account.version()).isEqualTo(1);
        }
    }

    @Nested
    class Depositing {

        @Test
        void adds_to_the_balance() {
            Account account = aliceWith("50.00");

            MoneyDeposited deposited = account.deposit(eur("25.50"));

            assertThat(deposited).isEqualTo(new MoneyDeposited(eur("25.50")));
            Account after = account.applyAll(after(account, deposited));
            assertThat(after.balance()).isEqualTo(eur("75.50"));
            assertThat(after.version()).isEqualTo(account.version() + 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.00", "-1.00"})
        void takes_only_a_positive_amount(String amount) {
            assertThatIllegalArgumentException().isThrownBy(() -> aliceWith("50.00").deposit(eur(amount)));
        }

        @Test
        void takes_only_the_account_s_currency() {
            assertThatThrownBy(() -> aliceWith("50.00").deposit(Money.of("10.00", "USD")))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessageContaining("EUR").hasMessageContaining("USD");
        }
    }

    @Nested
    class Withdrawing {

        private final OrderId order = OrderId.newId();

        @Test
        void debits_an_amount_the_balance_covers() {
            Account account = aliceWith("100.00");

            Withdrawal withdrawal = account.withdraw(eur("89.00"), order);

            assertThat(withdrawal).isEqualTo(new Withdrawal.Approved(new MoneyWithdrawn(eur("89.00"), order)));
            Account after = account.applyAll(after(account, ((Withdrawal.Approved) withdrawal).withdrawn()));
            assertThat(after.balance()).isEqualTo(eur("11.00"));
        }

        @Test
        void may_take_the_whole_balance() {
            assertThat(aliceWith("89.00").withdraw(eur("89.00"), order)).isInstanceOf(Withdrawal.Approved.class);
        }

        @Test
        void declines_when_the_funds_are_insufficient_and_says_by_how_much() {
            Withdrawal withdrawal = aliceWith("50.00").withdraw(eur("249.00"), order);

            assertThat(withdrawal).isEqualTo(new Withdrawal.InsufficientFunds(eur("50.00"), eur("249.00")));
        }

        @Test
        void declines_money_in_a_currency_the_account_does_not_hold() {
            Withdrawal withdrawal = aliceWith("5000.00").withdraw(Money.of("1.00", "USD"), order);

            assertThat(withdrawal).isEqualTo(new Withdrawal.CurrencyMismatch("EUR", Money.of("1.00", "USD")));
        }

        @Test
        void refuses_a_negative_amount() {
            assertThatIllegalArgumentException().isThrownBy(() -> aliceWith("50.00").withdraw(eur("-1.00"), order));
        }

        @Test
        void deciding_changes_nothing_until_the_event_is_applied() {
            Account account = aliceWith("100.00");

            account.withdraw(eur("60.00"), order);
            account.withdraw(eur("60.00"), OrderId.newId());

            assertThat(account.balance()).isEqualTo(eur("100.00"));
            assertThat(account.version()).isEqualTo(2);
        }
    }

    @Nested
    class Refunding {

        private final OrderId order = OrderId.newId();

        @Test
        void pays_back_what_a_debit_for_the_order_took() {
            Account account = aliceWith("100.00");
            Account charged = account.applyAll(after(account, new MoneyWithdrawn(eur("89.00"), order)));

            MoneyRefunded refund = charged.refund(eur("89.00"), order);

            assertThat(refund).isEqualTo(new MoneyRefunded(eur("89.00"), order));
            assertThat(charged.applyAll(after(charged, refund)).balance()).isEqualTo(eur("100.00"));
        }

        @Test
        void takes_only_the_account_s_currency() {
            assertThatThrownBy(() -> aliceWith("100.00").refund(Money.of("1.00", "USD"), order))
                    .isInstanceOf(CurrencyMismatchException.class);
        }

        @Test
        void refuses_a_negative_amount() {
            assertThatIllegalArgumentException().isThrownBy(() -> aliceWith("50.00").refund(eur("-1.00"), order));
        }
    }

    @Nested
    class Replaying {

        @Test
        void adds_up_every_event_of_the_history_in_order() {
            OrderId order = OrderId.newId();
            Account account = Account.replay(ALICE, ledger(List.of(new AccountOpened("EUR"),
                    new MoneyDeposited(eur("100.00")), new MoneyWithdrawn(eur("89.00"), order),
                    new MoneyDeposited(eur("0.50")))));

            assertThat(account.balance()).isEqualTo(eur("11.50"));
            assertThat(account.version()).isEqualTo(4);
        }

        @Test
        void a_snapshot_and_the_events_after_it_make_the_same_account_as_the_whole_history() {
            List<LedgerEntry> history = ledger(busyHistory(25));
            Account replayed = Account.replay(ALICE, history);
            AccountSnapshot snapshot = Account.replay(ALICE, history.subList(0, 20)).snapshot();

            Account resumed = Account.resume(snapshot, history.subList(20, 25));

            assertThat(resumed).isEqualTo(replayed);
            assertThat(resumed.balance()).isEqualTo(eur((12 * 100 - 12 * 30) + ".00"));
            assertThat(resumed.version()).isEqualTo(25);
        }

        @Test
        void needs_the_opening_first() {
            List<LedgerEntry> history = ledger(List.of(new MoneyDeposited(eur("1.00"))));

            assertThatIllegalStateException().isThrownBy(() -> Account.replay(ALICE, history))
                    .withMessageContaining("opening");
        }

        @Test
        void refuses_an_empty_history() {
            assertThatIllegalStateException().isThrownBy(() -> Account.replay(ALICE, List.of()));
        }

        @Test
        void refuses_a_gap_in_the_versions() {
            Account account = aliceWith("10.00");
            LedgerEntry skipping = new LedgerEntry(4, AccountFixture.OPENED_AT, new MoneyDeposited(eur("1.00")));

            assertThatIllegalStateException().isThrownBy(() -> account.apply(skipping))
                    .withMessageContaining("version 2").withMessageContaining("version 4");
        }

        @Test
        void refuses_a_second_opening() {
            Account account = aliceWith("10.00");

            assertThatIllegalStateException().isThrownBy(
                    () -> account.applyAll(after(account, new AccountOpened("EUR"))));
        }

        @Test
        void takes_a_recorded_debit_as_a_fact_even_past_zero() {
            Account account = aliceWith("10.00");

            Account after = account.applyAll(after(account, new MoneyWithdrawn(eur("25.00"), OrderId.newId())));

            assertThat(after.balance()).isEqualTo(eur("-15.00"));
        }
    }
}
