package dev.eventshop.stack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What the launcher prints once everything is up: where each part is and how to try the system. */
final class Banner {

    private static final int LABEL_WIDTH = 18;

    private Banner() {
    }

    /** One aligned line of the banner: a label such as {@code Kafka} and where to reach it. */
    static String row(String label, String text) {
        return "  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + text;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String render(Duration startup, List<String> rows, List<String> warnings) {
        StringBuilder text = new StringBuilder("\n");
        text.append("eventshop is running; started in ").append(seconds(startup)).append(".\n\n");
        rows.forEach(row -> text.append(row).append('\n'));
        if (!warnings.isEmpty()) {
            text.append('\n');
            warnings.forEach(warning -> text.append("  ! ").append(warning).append('\n'));
        }
        text.append("""

                Place an order:
                  curl -X POST localhost:8081/orders -H 'Content-Type: application/json' \\
                    -d '{"customerId":"alice","items":[{"sku":"KB-001","quantity":1}]}'

                Press Ctrl-C to stop everything.
                """);
        return text.toString();
    }
}
