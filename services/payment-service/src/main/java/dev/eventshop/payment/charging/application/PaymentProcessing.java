package dev.eventshop.payment.charging.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.EventPublisher;
import dev.eventshop.payment.account.application.AccountLedger;
import dev.eventshop.payment.account.application.AccountRecorder;
import dev.eventshop.payment.account.application.OptimisticRetry;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import dev.eventshop.payment.charging.domain.Charge;
import dev.eventshop.payment.charging.domain.DeclineReason;
import dev.eventshop.payment.charging.domain.Payment;
import dev.eventshop.payment.charging.domain.Refund;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Charges customers for their orders, once per order. In one transaction (a savepoint of the caller's, when it has
 * one): the payment row, the debit in the customer's ledger when there is money, and the outcome in the outbox. The
 * payment's primary key, the order id, makes a second charge of an order, concurrent or late, store nothing, debit
 * nothing and publish nothing; a concurrent debit of the same account by another order makes this one decide again.
 * A cancelled order is compensated here too: never charged if it was not yet, refunded once if it was.
 */
@Service
public class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    private final AccountLedger accounts;
    private final AccountRecorder recorder;
    private final OptimisticRetry retry;
    private final PaymentRepository payments;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentProcessing(AccountLedger accounts, AccountRecorder recorder, OptimisticRetry retry,
            PaymentRepository payments, EventPublisher events, Clock clock, MeterRegistry meters) {
        this.accounts = accounts;
        this.recorder = recorder;
        this.retry = retry;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Charges the customer for the order, unless the order already has a payment.
     *
     * @throws dev.eventshop.payment.account.application.ConcurrentLedgerUpdateException when other writers kept
     *     changing the account for every attempt; nothing was stored, and the caller may try again later
     */
    public ChargeResult charge(ChargeOrder command) {
        ChargeResult result = retry.run(() -> {
            Optional<Payment> existing = payments.find(command.orderId());
            if (existing.isPresent()) {
                return alreadyDecided(command, existing.get());
            }
            Optional<Account> account = accounts.load(command.customerId());
            Instant now = clock.instant();
            Charge charge = Charge.decide(command.orderId(), command.customerId(), command.amount(), account, now);
            Payment payment = charge.payment();
            if (!payments.insertIfAbsent(payment)) {
                // Another delivery decided this order while this one was deciding, and committed first.
                return alreadyDecided(command, payments.find(command.orderId()).orElseThrow());
            }
            MoneyWithdrawn debit = charge.debit();
            if (debit != null) {
                Account after = recorder.record(command.customerId(), account, List.of(debit), now);
                log.info("Charged {} for {}: balance {}", command.customerId(), payment.amount(), after.balance());
            } else {
                log.info("Declined to charge {} for {}: {} (account: {})", command.customerId(), payment.amount(),
                        payment.reason(), account.map(Account::toString).orElse("none"));
            }
            IntegrationEvents.of(payment).ifPresent(events::publish);
            return new ChargeResult(payment, false);
        });
        if (!result.alreadyDecided()) {
            DeclineReason reason = result.payment().reason();
            meters.counter("eventshop.payment.payments", "status", result.payment().status().name(),
                    "reason", reason == null ? "none" : reason.name()).increment();
        }
        return result;
    }

    /**
     * Settles the payment side of a cancelled order, whatever the order in which its cancellation and its reservation
     * arrive. An order not charged yet is voided, so that a reservation arriving later charges nothing; an order
     * charged already is refunded, once, with {@code MoneyRefunded} in the ledger and {@code PaymentRefunded} in the
     * outbox. The payment's and the refund's primary keys, the order id, serialise a cancellation with a concurrent
     * charge of the same order: whichever inserts second waits for the first to commit, then sees what it did.
     *
     * @throws dev.eventshop.payment.account.application.ConcurrentLedgerUpdateException as {@link #charge} does
     */
    public CancellationResult orderCancelled(CancelledOrder cancelled) {
        CancellationResult result = retry.run(() -> {
            Instant now = clock.instant();
            if (payments.insertIfAbsent(Payment.voided(cancelled.orderId(), cancelled.customerId(),
                    cancelled.total(), now))) {
                log.info("Voided the payment of the order: cancelled before it was charged, so it never will be");
                return CancellationResult.VOIDED;
            }
            Payment payment = payments.find(cancelled.orderId()).orElseThrow();
            Optional<Refund> refund = payment.refundOnCancellation(now);
            if (refund.isEmpty()) {
                log.info("Nothing to refund: the order's payment is {}", payment.status());
                return CancellationResult.NOTHING_TAKEN;
            }
            if (!payments.insertRefundIfAbsent(refund.get())) {
                log.info("The order's payment is refunded already");
                return CancellationResult.REFUNDED_ALREADY;
            }
            CustomerId customer = payment.customerId();
            // A completed payment debited this account, so it exists.
            Account account = accounts.load(customer).orElseThrow();
            Account after = recorder.record(customer, Optional.of(account),
                    List.of(account.refund(payment.amount(), payment.orderId())), now);
            events.publish(IntegrationEvents.refunded(refund.get()));
            log.info("Refunded {} {} for the cancelled order: balance {}", customer, payment.amount(),
                    after.balance());
            return CancellationResult.REFUNDED;
        });
        if (result == CancellationResult.REFUNDED) {
            meters.counter("eventshop.payment.refunds").increment();
        }
        return result;
    }

    private static ChargeResult alreadyDecided(ChargeOrder command, Payment payment) {
        if (!payment.amount().equals(command.amount()) || !payment.customerId().equals(command.customerId())) {
            log.warn("Order already has a payment {} of {} for {}; ignored a charge of {} for {}", payment.status(),
                    payment.amount(), payment.customerId(), command.amount(), command.customerId());
        } else {
            log.info("Order already has a payment ({}); not charging it again", payment.status());
        }
        return new ChargeResult(payment, true);
    }
}
