package dev.eventshop.email.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.events.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressRuleTest {

    private final EmailAddressRule byDefault = new EmailAddressRule("{customerId}@customers.eventshop.test");

    @Test
    void puts_the_customer_id_in_place_of_the_placeholder() {
        assertThat(byDefault.addressOf(new CustomerId("alice"))).isEqualTo("alice@customers.eventshop.test");
        assertThat(byDefault.addressOf(new CustomerId("bob"))).isEqualTo("bob@customers.eventshop.test");
    }

    @Test
    void takes_the_customer_id_as_it_is() {
        assertThat(byDefault.addressOf(new CustomerId("Alice.Smith+shop")))
                .isEqualTo("Alice.Smith+shop@customers.eventshop.test");
    }

    @Test
    void follows_any_pattern_with_the_placeholder() {
        EmailAddressRule rule = new EmailAddressRule("shop+{customerId}@example.org");

        assertThat(rule.addressOf(new CustomerId("alice"))).isEqualTo("shop+alice@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice smith", "alice@home", "alice.", ".alice", "al..ice", "<alice>", "\"alice\""})
    void gives_no_address_for_a_customer_id_that_does_not_make_one(String customerId) {
        assertThatThrownBy(() -> byDefault.addressOf(new CustomerId(customerId)))
                .isInstanceOf(NoEmailAddressException.class)
                .hasMessageContaining(customerId);
    }

    @Test
    void gives_no_address_longer_than_smtp_allows() {
        assertThatThrownBy(() -> byDefault.addressOf(new CustomerId("a".repeat(65))))
                .isInstanceOf(NoEmailAddressException.class);
    }

    @Test
    void refuses_a_pattern_without_the_placeholder() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddressRule("everyone@customers.test"))
                .withMessageContaining("{customerId}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{customerId}", "{customerId}@", "{customerId}@bad domain.test", "{customerId}@-x.test"})
    void refuses_a_pattern_that_makes_no_address(String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddressRule(pattern));
    }
}
