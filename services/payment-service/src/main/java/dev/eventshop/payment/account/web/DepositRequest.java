package dev.eventshop.payment.account.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /accounts/{customerId}/deposits}: {@code {"amount": "100.00"}}. The amount is a decimal
 * string, never a JSON number, so that no client rounds money through a binary float. Components are nullable
 * because clients may leave them out; validation turns that into a {@code 400} before anything else happens.
 *
 * @param currency the deposit's currency; when absent, the account's, or the service's default for a new account
 */
record DepositRequest(
        @NotNull @Pattern(regexp = POSITIVE_AMOUNT, message = AMOUNT_MESSAGE) @Nullable String amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") @Nullable
        String currency) {

    /** Up to ten digits, at most two decimals, not zero. */
    static final String POSITIVE_AMOUNT = "(?=.*[1-9])[0-9]{1,10}(\\.[0-9]{1,2})?";
    static final String AMOUNT_MESSAGE = "must be a positive decimal string with at most two decimals and ten "
            + "digits before them, such as \"100.00\"";
}
