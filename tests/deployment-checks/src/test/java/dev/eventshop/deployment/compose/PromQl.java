package dev.eventshop.deployment.compose;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects: enough of PromQL's lexical structure to tell a metric name from a
 * function, an aggregation, a keyword, a label or a number, without evaluating anything.
 */
public final class PromQl {

    /** String literals, label matchers and range or subquery selectors: none of them names a metric. */
    private static final Pattern NOT_METRIC_TEXT =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`|\\{[^}]*}|\\[[^]]*]");
    /** The label lists of grouping and vector matching modifiers. */
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** Grafana's dashboard variables, such as {@code $__rate_interval} or {@code ${application}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    /** A number or duration (0.99, 1e3, 10m) as one token, so that its unit is not taken for a name; or a name. */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d[\\d.]*(?:[eE][+-]?\\d+)?[a-zA-Z]*)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
            // aggregation operators, which may be followed by a modifier before their parenthesis
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            // binary operators, modifiers and literals
            "and", "or", "unless", "atan2", "by", "without", "on", "ignoring", "group_left", "group_right", "offset",
            "bool", "inf", "nan", "start", "end");

    private PromQl() {
    }

    /** Every metric name the expression selects, in order of appearance. */
    public static Set<String> metricNames(String expression) {
        String text = NOT_METRIC_TEXT.matcher(expression).replaceAll(" ");
        text = LABEL_LIST.matcher(text).replaceAll("$1 ");
        text = VARIABLE.matcher(text).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String name = token.group("name");
            if (name != null && token.group("call") == null && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether parentheses, brackets and braces pair up outside string literals: a cheap guard against typos. */
    public static boolean isBalanced(String expression) {
        String text = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`", "\"\"");
        StringBuilder open = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '(', '[', '{' -> open.append(c);
                case ')', ']', '}' -> {
                    char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
                        return false;
                    }
                    open.setLength(open.length() - 1);
                }
                default -> {
                }
            }
        }
        return open.isEmpty();
    }
}
