package dev.eventshop.stack;

import java.util.List;

/** A process of the stack did not come up; carries the last lines it wrote, which usually say why. */
public class StartupFailedException extends RuntimeException {

    private final List<String> lastOutputLines;

    public StartupFailedException(String message, List<String> lastOutputLines) {
        super(message);
        this.lastOutputLines = List.copyOf(lastOutputLines);
    }

    public StartupFailedException(String message, Throwable cause) {
        super(message, cause);
        this.lastOutputLines = List.of();
    }

    /** The process's last lines of output, oldest first; empty when there were none or they are in the cause. */
    public List<String> lastOutputLines() {
        return lastOutputLines;
    }
}
