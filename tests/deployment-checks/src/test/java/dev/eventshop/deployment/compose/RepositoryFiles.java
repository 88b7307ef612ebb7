package dev.eventshop.deployment.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, for tests that Maven runs in a module's directory. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The checkout's root: the nearest directory, from the working directory up, that holds the Maven wrapper. */
    public static Path root() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isRegularFile(directory.resolve("pom.xml"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw) above " + Path.of("").toAbsolutePath());
    }
}
