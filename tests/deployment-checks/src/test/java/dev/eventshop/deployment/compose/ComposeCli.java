package dev.eventshop.deployment.compose;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real implementation of the Compose specification, run on the Compose file: Debian's docker-compose (1.29), or the
 * Docker CLI's compose plugin where that is installed. Neither needs a Docker engine for {@code config}.
 */
final class ComposeCli {

    static final String INSTALL = "apt-get install docker-compose";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;

    private ComposeCli(List<String> command) {
        this.command = command;
    }

    /** Fails the calling test at once, saying how to install one, when this machine has neither. */
    static ComposeCli find() {
        if (onPath("docker-compose")) {
            return new ComposeCli(List.of("docker-compose"));
        }
        if (onPath("docker") && run(List.of("docker", "compose", "version"), Path.of(".")).exitCode() == 0) {
            return new ComposeCli(List.of("docker", "compose"));
        }
        return fail("No Compose implementation on this machine to validate docker-compose.yml with; install one: "
                + INSTALL);
    }

    /** What the command printed (standard output and error together) and how it exited. */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs a compose command on the file with no variable set, neither from this JVM's environment nor from an .env
     * file, so that it sees the file's defaults only.
     */
    Result run(ComposeFile file, String... arguments) {
        try {
            Path noVariables = Files.createTempFile("no-variables", ".env");
            try {
                List<String> line = new ArrayList<>(command);
                line.addAll(List.of("--file", file.path().toString(), "--env-file", noVariables.toString()));
                line.addAll(List.of(arguments));
                return run(line, file.directory());
            } finally {
                Files.delete(noVariables);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result run(List<String> line, Path directory) {
        try {
            // Into a file rather than a pipe: a process that hangs cannot then hold this thread beyond the timeout.
            Path output = Files.createTempFile("compose", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile());
                keepOnlyPathAndHome(builder.environment());
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", line) + " did not finish within " + TIMEOUT);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Compose interpolates from its environment: with none but these two, it takes the file's defaults. */
    private static void keepOnlyPathAndHome(Map<String, String> environment) {
        String path = environment.get("PATH");
        String home = environment.get("HOME");
        environment.clear();
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        if (home != null) {
            environment.put("HOME", home);
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, executable)));
    }
}
