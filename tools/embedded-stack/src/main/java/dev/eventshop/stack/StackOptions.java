package dev.eventshop.stack;

import java.nio.file.Path;

/** The launcher's command line: {@code [--fresh] [--data-dir <path>] [--help]}. */
record StackOptions(boolean fresh, Path dataDir, boolean help) {

    static final Path DEFAULT_DATA_DIR = Path.of(".eventshop", "data");

    static final String USAGE = """
            Usage: run-embedded [--fresh] [--data-dir <path>]

            Starts Kafka, PostgreSQL and every built service as local processes and runs until Ctrl-C.
              --fresh            delete the data directory first: empty topics and databases
              --data-dir <path>  where Kafka and PostgreSQL keep their data (default: .eventshop/data)
              --help             show this and exit
            """;

    /** @throws IllegalArgumentException saying what is wrong with the arguments */
    static StackOptions parse(String... arguments) {
        boolean fresh = false;
        boolean help = false;
        Path dataDir = DEFAULT_DATA_DIR;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--fresh" -> fresh = true;
                case "--help", "-h" -> help = true;
                case "--data-dir" -> {
                    if (i + 1 == arguments.length || arguments[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a path");
                    }
                    dataDir = Path.of(arguments[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option: " + arguments[i]);
            }
        }
        return new StackOptions(fresh, dataDir, help);
    }
}
