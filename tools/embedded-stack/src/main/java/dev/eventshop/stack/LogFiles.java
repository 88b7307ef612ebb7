package dev.eventshop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the end of a child process's log file, to show why it failed. */
final class LogFiles {

    /** Enough for the last lines of a stack trace; logs are appended to across restarts and may be large. */
    private static final int TAIL_BYTES = 64 * 1024;

    private LogFiles() {
    }

    /** The last {@code count} lines of the file, oldest first; empty when it does not exist. */
    static List<String> lastLines(Path file, int count) {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            long start = Math.max(0, Files.size(file) - TAIL_BYTES);
            in.skipNBytes(start);
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            // When the read started mid-file, its first line is most likely cut.
            int from = Math.max(start > 0 ? 1 : 0, lines.size() - count);
            return from >= lines.size() ? List.of() : lines.subList(from, lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }
}
