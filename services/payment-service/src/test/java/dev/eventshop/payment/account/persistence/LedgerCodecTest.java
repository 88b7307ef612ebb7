package dev.eventshop.payment.account.persistence;

import static dev.eventshop.payment.account.domain.AccountFixture.ALICE;
import static dev.eventshop.payment.account.domain.AccountFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.AccountEvent;
import dev.eventshop.payment.account.domain.AccountEvent.AccountOpened;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyDeposited;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyRefunded;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class LedgerCodecTest {

    private static final OrderId ORDER = OrderId.parse("3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");

    static Stream<AccountEvent> every_kind_of_event() {
        return Stream.of(new AccountOpened("EUR"), new MoneyDeposited(eur("5000.00")),
                new MoneyWithdrawn(eur("89.00"), ORDER), new MoneyWithdrawn(eur("0.00"), ORDER),
                new MoneyRefunded(eur("89.00"), ORDER));
    }

    @ParameterizedTest
    @MethodSource("every_kind_of_event")
    void reads_back_every_kind_of_event_it_writes(AccountEvent event) {
        LedgerCodec.Stored stored = LedgerCodec.encode(event);

        assertThat(LedgerCodec.decode(ALICE, 1, stored.type(), stored.payload())).isEqualTo(event);
    }

    @Test
    void stores_stable_type_names_and_plain_payloads_with_amounts_as_decimal_strings() {
        JsonMapper json = JsonMapper.builder().build();

        LedgerCodec.Stored opened = LedgerCodec.encode(new AccountOpened("EUR"));
        LedgerCodec.Stored deposited = LedgerCodec.encode(new MoneyDeposited(eur("5000.00")));
        LedgerCodec.Stored withdrawn = LedgerCodec.encode(new MoneyWithdrawn(eur("89.00"), ORDER));
        LedgerCodec.Stored refunded = LedgerCodec.encode(new MoneyRefunded(eur("89.00"), ORDER));

        assertThat(opened.type()).isEqualTo("account-opened.v1");
        assertThat(json.readTree(opened.payload())).isEqualTo(json.readTree("{\"currency\": \"EUR\"}"));
        assertThat(deposited.type()).isEqualTo("money-deposited.v1");
        assertThat(json.readTree(deposited.payload()))
                .isEqualTo(json.readTree("{\"amount\": \"5000.00\", \"currency\": \"EUR\"}"));
        assertThat(withdrawn.type()).isEqualTo("money-withdrawn.v1");
        assertThat(json.readTree(withdrawn.payload())).isEqualTo(json.readTree(
                "{\"amount\": \"89.00\", \"currency\": \"EUR\", \"orderId\": \"" + ORDER + "\"}"));
        assertThat(refunded.type()).isEqualTo("money-refunded.v1");
        assertThat(json.readTree(refunded.payload())).isEqualTo(json.readTree(
                "{\"amount\": \"89.00\", \"currency\": \"EUR\", \"orderId\": \"" + ORDER + "\"}"));
    }

    @Test
    void refuses_an_event_type_it_does_not_know_and_names_it() {
        assertThatThrownBy(() -> LedgerCodec.decode(ALICE, 7, "money-frozen.v1", "{\"amount\": \"1.00\"}"))
                .isInstanceOfSatisfying(UnknownLedgerEventException.class,
                        e -> assertThat(e.eventType()).isEqualTo("money-frozen.v1"))
                .hasMessageContaining("'money-frozen.v1'")
                .hasMessageContaining("alice")
                .hasMessageContaining("version 7");
    }

    @Test
    void refuses_a_payload_without_what_its_type_needs() {
        assertThatThrownBy(() -> LedgerCodec.decode(ALICE, 2, "money-deposited.v1", "{\"currency\": \"EUR\"}"))
                .isInstanceOf(UnknownLedgerEventException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> LedgerCodec.decode(ALICE, 2, "money-deposited.v1", "{\"amount\": \"-5.00\", "
                + "\"currency\": \"EUR\"}"))
                .isInstanceOf(UnknownLedgerEventException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> LedgerCodec.decode(ALICE, 2, "account-opened.v1", "not json"))
                .isInstanceOf(UnknownLedgerEventException.class);
    }
}
