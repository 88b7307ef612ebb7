package dev.eventshop.deployment.compose;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation, as far as docker-compose.yml uses it: {@code ${NAME}}, {@code ${NAME:-default}}
 * (default when unset or empty), {@code ${NAME-default}} (default when unset) and {@code $$} for a literal dollar sign.
 * Any other use of {@code $} is refused rather than guessed at; {@code ComposeFileTest} checks that the real
 * implementation resolves the file to the same values.
 */
public final class ComposeVariables {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$|\\$\\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:?-)(?<default>[^}]*))?}|\\$");

    private final Map<String, String> variables;

    /** @param variables the values set, as an environment or an .env file would set them */
    public ComposeVariables(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** No variable set: every reference takes its default, as on a machine with no .env file and no overrides. */
    public static ComposeVariables defaultsOnly() {
        return new ComposeVariables(Map.of());
    }

    /**
     * @throws IllegalArgumentException for a variable that is unset and has no default, or a {@code $} that is none
     *     of the forms above
     */
    public String interpolate(String value) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(resolve(matcher, value)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String resolve(Matcher reference, String value) {
        if (reference.group().equals("$$")) {
            return "$";
        }
        String name = reference.group("name");
        if (name == null) {
            throw new IllegalArgumentException("a $ that is no variable reference Compose would read alike: " + value);
        }
        String set = variables.get(name);
        String operator = reference.group("operator");
        if (operator == null) {
            if (set == null) {
                throw new IllegalArgumentException("${" + name + "} has no default and is not set: " + value);
            }
            return set;
        }
        boolean useDefault = operator.equals(":-") ? set == null || set.isEmpty() : set == null;
        return useDefault ? reference.group("default") : set;
    }
}
