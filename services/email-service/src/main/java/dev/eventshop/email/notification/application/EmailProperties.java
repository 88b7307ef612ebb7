package dev.eventshop.email.notification.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customer emails ({@code eventshop.email.*}). The descriptions below are also the settings' metadata,
 * hence plain text.
 *
 * @param addressPattern Where a customer's email goes: the customer id, as it is, in place of {customerId}.
 * @param from The sender: an address, optionally with a display name (an RFC 5322 mailbox). Its domain also ends
 *     the Message-ID of every email.
 */
@ConfigurationProperties("eventshop.email")
public record EmailProperties(@DefaultValue(DEFAULT_ADDRESS_PATTERN) String addressPattern,
        @DefaultValue(DEFAULT_FROM) String from) {

    public static final String DEFAULT_ADDRESS_PATTERN = "{customerId}@customers.eventshop.test";
    public static final String DEFAULT_FROM = "EventShop <orders@eventshop.test>";
}
