package dev.eventshop.email.notification.domain;

import dev.eventshop.events.OrderId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the email for an order's outcome: a subject that names the order by the first eight characters of its id,
 * and one message twice, as plain text and as HTML, with the lines (SKU, quantity, unit price, line total), the total
 * with its currency and, for a cancellation, the reason in words. Every value that goes into the HTML is escaped.
 */
public final class EmailComposer {

    static final String SHOP = "EventShop";

    private static final String[] HEADINGS = {"SKU", "Quantity", "Unit price", "Line total"};

    private EmailComposer() {
    }

    public static Email compose(OrderOutcome outcome, String to) {
        String order = shortId(outcome.orderId());
        return switch (outcome) {
            case OrderOutcome.Confirmed confirmed -> email(confirmed, to,
                    "Your order " + order + " is confirmed",
                    "Your order " + order + " is confirmed and will ship soon. Thank you for shopping with " + SHOP
                            + ".");
            case OrderOutcome.Cancelled cancelled -> email(cancelled, to,
                    "Your order " + order + " was cancelled",
                    "We are sorry: your order " + order + " was cancelled because " + cancelled.reason().inWords()
                            + ". " + cancelled.reason().money());
        };
    }

    /** How the customer recognises an order: the first eight characters of its id, as in {@code 1a2b3c4d}. */
    static String shortId(OrderId orderId) {
        return orderId.toString().substring(0, 8);
    }

    private static Email email(OrderOutcome outcome, String to, String subject, String news) {
        return new Email(outcome.orderId(), outcome.kind(), to, subject, text(outcome, news), html(outcome, subject,
                news));
    }

    private static String text(OrderOutcome outcome, String news) {
        List<String[]> rows = outcome.lines().stream()
                .map(line -> new String[] {line.sku().value(), Integer.toString(line.quantity()),
                        line.unitPrice().toString(), line.lineTotal().toString()})
                .toList();
        int[] widths = new int[HEADINGS.length];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = HEADINGS[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        widths[HEADINGS.length - 1] = Math.max(widths[HEADINGS.length - 1], outcome.total().toString().length());
        // The SKU column left-aligned, the figures right-aligned so that their decimal points line up.
        String format = "%-" + widths[0] + "s  %" + widths[1] + "s  %" + widths[2] + "s  %" + widths[3] + "s";
        StringBuilder table = new StringBuilder(String.format(format, (Object[]) HEADINGS));
        for (String[] row : rows) {
            table.append('\n').append(String.format(format, (Object[]) row));
        }
        table.append('\n').append(String.format(format, "", "", "Total", outcome.total()));
        return """
                Hello %s,

                %s

                %s

                Order number: %s

                %s
                """.formatted(outcome.customerId().value(), news, table, outcome.orderId(), SHOP);
    }

    private static String html(OrderOutcome outcome, String subject, String news) {
        String rows = outcome.lines().stream()
                .map(line -> """
                            <tr><td>%s</td><td align="right">%d</td><td align="right">%s</td>\
                        <td align="right">%s</td></tr>""".formatted(escape(line.sku().value()), line.quantity(),
                        escape(line.unitPrice().toString()), escape(line.lineTotal().toString())))
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="UTF-8"><title>%s</title></head>
                <body>
                <p>Hello %s,</p>
                <p>%s</p>
                <table cellpadding="4">
                <thead>
                    <tr><th align="left">SKU</th><th align="right">Quantity</th><th align="right">Unit price</th>\
                <th align="right">Line total</th></tr>
                </thead>
                <tbody>
                %s
                </tbody>
                <tfoot>
                    <tr><th align="right" colspan="3">Total</th><th align="right">%s</th></tr>
                </tfoot>
                </table>
                <p>Order number: %s</p>
                <p>%s</p>
                </body>
                </html>
                """.formatted(escape(subject), escape(outcome.customerId().value()), escape(news), rows,
                escape(outcome.total().toString()), escape(outcome.orderId().toString()), SHOP);
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
