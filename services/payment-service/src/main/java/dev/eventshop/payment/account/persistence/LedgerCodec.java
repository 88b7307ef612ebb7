package dev.eventshop.payment.account.persistence;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.AccountEvent;
import dev.eventshop.payment.account.domain.AccountEvent.AccountOpened;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyDeposited;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyRefunded;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import java.math.BigDecimal;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of ledger events: a stable type name and a JSON payload, each field written and read by hand. Both
 * are kept forever, so neither follows Java names: renaming a record or a component changes nothing stored, and a
 * change of meaning gets a new type name ({@code .v2}) that the decoder learns next to the old one.
 */
final class LedgerCodec {

    static final String ACCOUNT_OPENED = "account-opened.v1";
    static final String MONEY_DEPOSITED = "money-deposited.v1";
    static final String MONEY_WITHDRAWN = "money-withdrawn.v1";
    static final String MONEY_REFUNDED = "money-refunded.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerCodec() {
    }

    /** An event as stored: its type name and its payload. */
    record Stored(String type, String payload) {
    }

    static Stored encode(AccountEvent event) {
        ObjectNode payload = JSON.createObjectNode();
        String type = switch (event) {
            case AccountOpened opened -> {
                payload.put("currency", opened.currency());
                yield ACCOUNT_OPENED;
            }
            case MoneyDeposited deposited -> {
                money(payload, deposited.amount());
                yield MONEY_DEPOSITED;
            }
            case MoneyWithdrawn withdrawn -> {
                money(payload, withdrawn.amount());
                payload.put("orderId", withdrawn.orderId().toString());
                yield MONEY_WITHDRAWN;
            }
            case MoneyRefunded refunded -> {
                money(payload, refunded.amount());
                payload.put("orderId", refunded.orderId().toString());
                yield MONEY_REFUNDED;
            }
        };
        return new Stored(type, JSON.writeValueAsString(payload));
    }

    /**
     * Reads a stored event back.
     *
     * @throws UnknownLedgerEventException when the type is not one this service knows, or the payload lacks what the
     *     type needs
     */
    static AccountEvent decode(CustomerId accountId, long version, String type, String payload) {
        Reader fields = new Reader(accountId, version, type, payload);
        try {
            return switch (type) {
                case ACCOUNT_OPENED -> new AccountOpened(fields.text("currency"));
                case MONEY_DEPOSITED -> new MoneyDeposited(fields.money());
                case MONEY_WITHDRAWN -> new MoneyWithdrawn(fields.money(), OrderId.parse(fields.text("orderId")));
                case MONEY_REFUNDED -> new MoneyRefunded(fields.money(), OrderId.parse(fields.text("orderId")));
                default -> throw new UnknownLedgerEventException(accountId, version, type,
                        "is not one this service knows (" + ACCOUNT_OPENED + ", " + MONEY_DEPOSITED + ", "
                                + MONEY_WITHDRAWN + ", " + MONEY_REFUNDED + ")");
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UnknownLedgerEventException(accountId, version, type,
                    "has an invalid payload: " + e.getMessage());
        }
    }

    private static void money(ObjectNode payload, Money money) {
        payload.put("amount", money.amount().toPlainString());
        payload.put("currency", money.currency());
    }

    /** The fields of one stored payload, each required. */
    private static final class Reader {

        private final CustomerId accountId;
        private final long version;
        private final String type;
        private final JsonNode payload;

        Reader(CustomerId accountId, long version, String type, String json) {
            this.accountId = accountId;
            this.version = version;
            this.type = type;
            JsonNode tree;
            try {
                tree = JSON.readTree(json);
            } catch (JacksonException e) {
                throw new UnknownLedgerEventException(accountId, version, type, "has a payload that is not JSON");
            }
            this.payload = Objects.requireNonNull(tree);
        }

        String text(String field) {
            JsonNode value = payload.get(field);
            if (value == null || !value.isString()) {
                throw new UnknownLedgerEventException(accountId, version, type,
                        "has no text field '" + field + "' in its payload " + payload);
            }
            return value.asString();
        }

        Money money() {
            return new Money(new BigDecimal(text("amount")), text("currency"));
        }
    }
}
