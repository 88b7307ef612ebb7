package dev.eventshop.email.notification.domain;

import dev.eventshop.events.CustomerId;

/** A customer id that the address rule does not turn into an email address: the customer cannot be mailed. */
public class NoEmailAddressException extends IllegalArgumentException {

    public NoEmailAddressException(CustomerId customerId, String candidate) {
        super("customer '" + customerId.value() + "' has no email address: '" + candidate + "' is not one");
    }
}
