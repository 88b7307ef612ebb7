package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePrefixTest {

    @Test
    void namesArePaddedSoThatTheBarsLineUp() {
        ConsolePrefix order = ConsolePrefix.of("order-service", 17, false);
        ConsolePrefix analytics = ConsolePrefix.of("analytics-service", 17, false);

        assertThat(order.apply("Started")).isEqualTo("order-service     | Started");
        assertThat(analytics.apply("Started")).isEqualTo("analytics-service | Started");
    }

    @Test
    void aNameLongerThanTheWidthIsKeptWhole() {
        assertThat(ConsolePrefix.of("a-very-long-service", 5, false).apply("x")).isEqualTo("a-very-long-service | x");
    }

    @Test
    void colouredPrefixesWrapNameAndBarInAnsiCodesAndResetBeforeTheLine() {
        String line = ConsolePrefix.of("payment-service", 15, true).apply("Started");

        assertThat(line).matches("\u001B\\[\\d+mpayment-service \\|\u001B\\[0m Started");
    }

    @Test
    void eachNameKeepsItsColour() {
        String first = ConsolePrefix.of("email-service", 13, true).apply("");
        String again = ConsolePrefix.of("email-service", 13, true).apply("");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void uncolouredPrefixesHaveNoEscapeCodes() {
        assertThat(ConsolePrefix.of("inventory-service", 17, false).apply("line")).doesNotContain("\u001B");
    }
}
