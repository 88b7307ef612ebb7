package dev.eventshop.stack;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code name | } in front of every line a process writes to the shared console, padded so the bars line up and
 * coloured per name when the console is a terminal, as {@code docker compose up} does.
 */
final class ConsolePrefix {

    private static final String RESET = "\u001B[0m";
    private static final List<String> COLOURS = List.of(
            "\u001B[36m", "\u001B[33m", "\u001B[32m", "\u001B[35m", "\u001B[34m", "\u001B[96m", "\u001B[93m");
    private static final Map<String, String> COLOUR_BY_NAME = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_COLOUR = new AtomicInteger();
    private static final boolean TERMINAL = isTerminal();

    private final String prefix;

    private ConsolePrefix(String prefix) {
        this.prefix = prefix;
    }

    /** A prefix for the console this JVM writes to: coloured when that is a terminal and NO_COLOR is not set. */
    static ConsolePrefix forConsole(String name, int width) {
        return of(name, width, TERMINAL && System.getenv("NO_COLOR") == null);
    }

    static ConsolePrefix of(String name, int width, boolean coloured) {
        String padded = name + " ".repeat(Math.max(0, width - name.length()));
        if (!coloured) {
            return new ConsolePrefix(padded + " | ");
        }
        String colour = COLOUR_BY_NAME.computeIfAbsent(name,
                unused -> COLOURS.get(NEXT_COLOUR.getAndIncrement() % COLOURS.size()));
        return new ConsolePrefix(colour + padded + " |" + RESET + " ");
    }

    String apply(String line) {
        return prefix + line;
    }

    void println(String line) {
        System.out.println(apply(line));
    }

    /**
     * Since JDK 22, {@code System.console()} is not null when output is redirected; {@code Console.isTerminal()}
     * (JDK 22) then tells. This code is compiled for 21, so it asks by reflection.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
