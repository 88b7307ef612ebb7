package dev.eventshop.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeVariablesTest {

    private final ComposeVariables variables = new ComposeVariables(Map.of("SET", "value", "EMPTY", ""));

    @Test
    void a_set_variable_replaces_its_reference() {
        assertThat(variables.interpolate("jdbc:${SET}/db")).isEqualTo("jdbc:value/db");
    }

    @Test
    void colon_dash_takes_the_default_when_the_variable_is_unset_or_empty() {
        assertThat(variables.interpolate("${UNSET:-fallback}")).isEqualTo("fallback");
        assertThat(variables.interpolate("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(variables.interpolate("${SET:-fallback}")).isEqualTo("value");
    }

    @Test
    void dash_alone_takes_the_default_only_when_the_variable_is_unset() {
        assertThat(variables.interpolate("${UNSET-fallback}")).isEqualTo("fallback");
        assertThat(variables.interpolate("${EMPTY-fallback}")).isEmpty();
    }

    @Test
    void two_dollar_signs_are_one_literal_dollar_sign() {
        assertThat(variables.interpolate("cost: $$5")).isEqualTo("cost: $5");
    }

    @Test
    void an_unset_variable_without_a_default_is_an_error_not_an_empty_string() {
        assertThatIllegalArgumentException().isThrownBy(() -> variables.interpolate("${UNSET}"))
                .withMessageContaining("UNSET");
    }

    @Test
    void a_form_it_does_not_know_is_refused_rather_than_guessed_at() {
        assertThatIllegalArgumentException().isThrownBy(() -> variables.interpolate("$SET"));
    }
}
