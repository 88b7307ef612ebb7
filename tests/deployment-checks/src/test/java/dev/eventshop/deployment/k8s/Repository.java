package dev.eventshop.deployment.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the eventshop repository, found from wherever the tests run. */
final class Repository {

    private static final Path ROOT = find();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path find() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("k8s"))) {
                return directory;
            }
        }
        throw new IllegalStateException(
                "no eventshop repository (mvnw and k8s/) above " + Path.of("").toAbsolutePath());
    }
}
