package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void theLastLinesComeOldestFirst() throws IOException {
        Path log = Files.writeString(dir.resolve("kafka.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogFiles.lastLines(log, 2)).containsExactly("three", "four");
    }

    @Test
    void aLargeLogIsReadFromItsEndOnly() throws IOException {
        String lines = IntStream.rangeClosed(1, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(dir.resolve("big.log"), lines);

        assertThat(LogFiles.lastLines(log, 3)).containsExactly("line 99998", "line 99999", "line 100000");
    }

    @Test
    void aMissingLogHasNoLines() {
        assertThat(LogFiles.lastLines(dir.resolve("missing.log"), 10)).isEmpty();
    }
}
