package dev.eventshop.analytics.sales.domain;

import static dev.eventshop.analytics.sales.domain.SagaFixture.KEYBOARD;
import static dev.eventshop.analytics.sales.domain.SagaFixture.PLACED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductFactsTest {

    @Test
    void the_newest_state_of_a_product_wins_whichever_arrives_first() {
        ProductFacts old = (ProductFacts) Facts.of(SagaFixture.product(KEYBOARD, "Keyboard", PLACED)).orElseThrow();
        ProductFacts renamed = (ProductFacts) Facts.of(
                SagaFixture.product(KEYBOARD, "Mechanical keyboard", PLACED.plusSeconds(60))).orElseThrow();

        assertThat(old.merge(renamed)).isEqualTo(renamed);
        assertThat(renamed.merge(old)).isEqualTo(renamed);
        assertThat(renamed.merge(renamed)).isEqualTo(renamed);
    }

    @Test
    void two_states_of_the_same_time_give_the_same_name_in_either_order() {
        ProductFacts one = new ProductFacts(KEYBOARD, "Keyboard", PLACED);
        ProductFacts other = new ProductFacts(KEYBOARD, "Mechanical keyboard", PLACED);

        assertThat(one.merge(other)).isEqualTo(other.merge(one));
    }
}
