package dev.eventshop.email.notification.domain;

import dev.eventshop.events.CustomerId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a customer's email goes: the customer id put in place of {@value #PLACEHOLDER} in a pattern, as it is (no
 * case folding, no encoding). With the default pattern {@code {customerId}@customers.eventshop.test}, alice's
 * address is {@code alice@customers.eventshop.test}. The result must be a plain address ({@code local@domain}, the
 * local part a dot-atom of RFC 5322, the domain dot-separated labels, at most 64 and 254 characters): a customer id
 * that does not make one has no address.
 */
public final class EmailAddressRule {

    public static final String PLACEHOLDER = "{customerId}";

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS =
            Pattern.compile("(" + ATOM + "(?:\\." + ATOM + ")*)@" + LABEL + "(?:\\." + LABEL + ")*");
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;

    private final String pattern;

    /**
     * A rule of the given pattern.
     *
     * @throws IllegalArgumentException when the pattern has no {@value #PLACEHOLDER}, or does not make an address even
     *     of a plain customer id
     */
    public EmailAddressRule(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the address pattern '" + pattern + "' has no " + PLACEHOLDER);
        }
        if (!isAddress(pattern.replace(PLACEHOLDER, "customer"))) {
            throw new IllegalArgumentException("the address pattern '" + pattern
                    + "' does not make an email address, not even of the customer id 'customer'");
        }
        this.pattern = pattern;
    }

    /**
     * The customer's address.
     *
     * @throws NoEmailAddressException when the customer id does not make an address with this pattern
     */
    public String addressOf(CustomerId customerId) {
        String address = pattern.replace(PLACEHOLDER, customerId.value());
        if (!isAddress(address)) {
            throw new NoEmailAddressException(customerId, address);
        }
        return address;
    }

    public String pattern() {
        return pattern;
    }

    private static boolean isAddress(String candidate) {
        var matcher = ADDRESS.matcher(candidate);
        return matcher.matches() && matcher.group(1).length() <= MAX_LOCAL_PART && candidate.length() <= MAX_ADDRESS;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
