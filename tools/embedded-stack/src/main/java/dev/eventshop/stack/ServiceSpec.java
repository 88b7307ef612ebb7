package dev.eventshop.stack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One service of the system as the stack runs it: its name, HTTP port, database and where its Spring Boot jar is
 * built, relative to the repository root.
 */
public record ServiceSpec(String name, int port, String database, Path jar) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(jar, "jar");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** The jar's location in a checkout of the repository. */
    public Path jarIn(Path repositoryRoot) {
        return repositoryRoot.resolve(jar);
    }

    /** {@code http://localhost:<port>} */
    public String url() {
        return "http://localhost:" + port;
    }
}
