package dev.eventshop.email.notification.domain;

import static dev.eventshop.email.notification.domain.OrderOutcomeFixture.ORDER;
import static dev.eventshop.email.notification.domain.OrderOutcomeFixture.TOTAL;
import static dev.eventshop.email.notification.domain.OrderOutcomeFixture.cancelled;
import static dev.eventshop.email.notification.domain.OrderOutcomeFixture.confirmed;
import static dev.eventshop.email.notification.domain.OrderOutcomeFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailComposerTest {

    private static final String ALICE = "alice@customers.eventshop.test";

    @Nested
    class AConfirmation {

        private final Email email = EmailComposer.compose(confirmed(), ALICE);

        @Test
        void goes_to_the_given_address_about_the_order_as_a_confirmation() {
            assertThat(email.to()).isEqualTo(ALICE);
            assertThat(email.orderId()).isEqualTo(ORDER);
            assertThat(email.kind()).isEqualTo(EmailKind.ORDER_CONFIRMED);
        }

        @Test
        void names_the_order_by_the_start_of_its_id_in_the_subject() {
            assertThat(email.subject()).isEqualTo("Your order 1a2b3c4d is confirmed");
        }

        @Test
        void says_in_plain_text_what_was_bought_line_by_line_with_the_total_and_its_currency() {
            assertThat(email.text()).isEqualTo("""
                    Hello alice,

                    Your order 1a2b3c4d is confirmed and will ship soon. Thank you for shopping with EventShop.

                    SKU     Quantity  Unit price  Line total
                    KB-001         2   89.00 EUR  178.00 EUR
                    MS-002         1   29.00 EUR   29.00 EUR
                                           Total  207.00 EUR

                    Order number: 1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d

                    EventShop
                    """);
        }

        @Test
        void says_the_same_in_html_with_the_lines_in_a_table() {
            assertThat(email.html())
                    .startsWith("<!DOCTYPE html>")
                    .contains("<title>Your order 1a2b3c4d is confirmed</title>")
                    .contains("<p>Hello alice,</p>")
                    .contains("Your order 1a2b3c4d is confirmed and will ship soon.")
                    .contains("<tr><td>KB-001</td><td align=\"right\">2</td><td align=\"right\">89.00 EUR</td>"
                            + "<td align=\"right\">178.00 EUR</td></tr>")
                    .contains("<tr><td>MS-002</td><td align=\"right\">1</td><td align=\"right\">29.00 EUR</td>"
                            + "<td align=\"right\">29.00 EUR</td></tr>")
                    .contains("<th align=\"right\" colspan=\"3\">Total</th><th align=\"right\">207.00 EUR</th>")
                    .contains("Order number: 1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d")
                    .endsWith("</html>\n");
        }
    }

    @Nested
    class ACancellation {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                OUT_OF_STOCK     | one of the items is out of stock | Nothing has been charged.
                PAYMENT_DECLINED | the payment was declined         | Nothing has been charged.
                TIMED_OUT        | we could not complete it in time | it will be refunded in full.
                """)
        void gives_the_reason_in_words_and_what_became_of_the_money_in_both_parts(CancellationReason reason,
                String inWords, String money) {
            Email email = EmailComposer.compose(cancelled(reason), ALICE);

            String sentence = "your order 1a2b3c4d was cancelled because " + inWords + ".";
            assertThat(email.kind()).isEqualTo(EmailKind.ORDER_CANCELLED);
            assertThat(email.subject()).isEqualTo("Your order 1a2b3c4d was cancelled");
            assertThat(email.text()).contains(sentence).contains(money);
            assertThat(email.html()).contains(sentence).contains(money);
        }

        @Test
        void still_lists_what_was_ordered_and_the_total() {
            Email email = EmailComposer.compose(cancelled(CancellationReason.PAYMENT_DECLINED), ALICE);

            assertThat(email.text()).contains("KB-001         2   89.00 EUR  178.00 EUR")
                    .contains("Total  207.00 EUR");
            assertThat(email.html()).contains("<td>KB-001</td>").contains(">207.00 EUR</th>");
        }
    }

    @Nested
    class Layout {

        @Test
        void widens_the_columns_to_the_longest_value() {
            OrderOutcome outcome = new OrderOutcome.Confirmed(ORDER, new CustomerId("alice"),
                    List.of(line("LIMITED-EDITION-CABLE", 100, "9.00"), line("MN-003", 4, "2490.00")),
                    Money.of("10860.00", "EUR"));

            assertThat(EmailComposer.compose(outcome, ALICE).text()).contains("""
                    SKU                    Quantity   Unit price    Line total
                    LIMITED-EDITION-CABLE       100     9.00 EUR    900.00 EUR
                    MN-003                        4  2490.00 EUR   9960.00 EUR
                                                           Total  10860.00 EUR
                    """);
        }
    }

    @Nested
    class Escaping {

        private final OrderOutcome hostile = new OrderOutcome.Cancelled(ORDER,
                new CustomerId("<script>alert('x')</script>"), List.of(line("A&B<\"C\">", 1, "207.00")), TOTAL,
                CancellationReason.OUT_OF_STOCK);

        @Test
        void escapes_every_value_from_the_order_in_the_html() {
            String html = EmailComposer.compose(hostile, ALICE).html();

            assertThat(html)
                    .contains("<p>Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,</p>")
                    .contains("<td>A&amp;B&lt;&quot;C&quot;&gt;</td>")
                    .doesNotContain("<script>")
                    .doesNotContain("A&B");
        }

        @Test
        void leaves_the_plain_text_as_it_is() {
            String text = EmailComposer.compose(hostile, ALICE).text();

            assertThat(text).contains("Hello <script>alert('x')</script>,").contains("A&B<\"C\">");
        }

        @Test
        void escapes_the_five_characters_that_matter_in_html() {
            assertThat(EmailComposer.escape("<a href=\"x\">Tom & Jerry's</a>"))
                    .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
        }
    }
}
