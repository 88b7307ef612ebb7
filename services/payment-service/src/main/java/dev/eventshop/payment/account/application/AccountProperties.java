package dev.eventshop.payment.account.application;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of accounts ({@code eventshop.payment.accounts.*}).
 *
 * @param snapshotInterval a snapshot is kept every this many events, so loading an account replays fewer than this
 *     many events after it (plus those of one decision)
 * @param maxAttempts how often a decision is made again when another writer changed the account first, before the
 *     caller gets a {@link ConcurrentLedgerUpdateException}
 * @param defaultCurrency the currency of an account a deposit opens, unless the deposit names one
 */
@ConfigurationProperties("eventshop.payment.accounts")
public record AccountProperties(@DefaultValue("10") int snapshotInterval, @DefaultValue("5") int maxAttempts,
        @DefaultValue("EUR") String defaultCurrency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public AccountProperties {
        if (snapshotInterval < 1) {
            throw new IllegalArgumentException("eventshop.payment.accounts.snapshot-interval must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("eventshop.payment.accounts.max-attempts must be at least 1");
        }
        if (!CURRENCY.matcher(defaultCurrency).matches()) {
            throw new IllegalArgumentException(
                    "eventshop.payment.accounts.default-currency must be an ISO 4217 code: " + defaultCurrency);
        }
    }
}
