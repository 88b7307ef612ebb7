package dev.eventshop.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a full run's results into docs/benchmarks.md, between its markers, and its charts into docs/benchmarks/. */
final class Docs {

    static final String START = "<!-- results:start (written by ./run-benchmark; edit outside these markers) -->";
    static final String END = "<!-- results:end -->";

    private Docs() {
    }

    static void update(Path docs, Report report) {
        Path page = docs.resolve("benchmarks.md");
        try {
            String text = Files.readString(page);
            int start = text.indexOf(START);
            int end = text.indexOf(END);
            if (start < 0 || end < start) {
                throw new IllegalStateException(page + " has lost its results markers: " + START + " ... " + END);
            }
            String results = report.markdown()
                    .replace("](" + Report.LATENCY_CHART + ")", "](benchmarks/" + Report.LATENCY_CHART + ")")
                    .replace("](" + Report.RATIO_CHART + ")", "](benchmarks/" + Report.RATIO_CHART + ")");
            Files.writeString(page, text.substring(0, start + START.length()) + "\n\n" + results + "\n"
                    + text.substring(end));
            Path charts = Files.createDirectories(docs.resolve("benchmarks"));
            report.write(charts.resolve("latest"));
            for (String chart : new String[] {Report.LATENCY_CHART, Report.RATIO_CHART}) {
                Files.copy(charts.resolve("latest").resolve(chart), charts.resolve(chart),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(charts.resolve("latest").resolve(Report.JSON_FILE), charts.resolve(Report.JSON_FILE),
                    StandardCopyOption.REPLACE_EXISTING);
            deleteLatest(charts.resolve("latest"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not update " + page, e);
        }
    }

    private static void deleteLatest(Path directory) {
        BenchmarkStack.deleteRecursively(directory);
    }
}
