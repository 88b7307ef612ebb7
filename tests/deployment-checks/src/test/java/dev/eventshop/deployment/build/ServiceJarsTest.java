package dev.eventshop.deployment.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.deployment.compose.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code ./run-embedded} and {@code ./run-benchmark} start the services' fat jars after a Maven build without
 * {@code clean}. Left to itself, the jar plugin finds a service's own classes unchanged and keeps its old jar, and
 * Spring Boot's repackaging then keeps that jar's old libraries: a change to a library never reached the services
 * (seen with {@code service-web}'s database problems, missing from three services' jars after {@code ./mvnw install}).
 * Only the modules that build a fat jar rewrite it every time: rewriting the libraries' jars too would make every
 * module that depends on them compile again on every build.
 */
class ServiceJarsTest {

    private static final Path ROOT = RepositoryFiles.root();

    @Test
    void every_module_that_builds_a_fat_jar_rewrites_it_on_every_build_so_changed_libraries_reach_it()
            throws Exception {
        List<Path> fatJarModules = modulePoms().stream()
                .filter(pom -> read(pom).contains("spring-boot-maven-plugin")).toList();

        assertThat(fatJarModules).extracting(pom -> pom.getParent().getFileName().toString())
                .contains("order-service", "inventory-service", "payment-service", "email-service",
                        "analytics-service");
        for (Path pom : fatJarModules) {
            assertThat(property(pom, "maven.jar.forceCreation")).as("maven.jar.forceCreation in %s",
                    ROOT.relativize(pom)).isEqualTo("true");
        }
    }

    private static List<Path> modulePoms() throws IOException {
        try (Stream<Path> poms = Files.find(ROOT, 3, (path, attributes) -> path.endsWith("pom.xml")
                && !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))) {
            return poms.toList();
        }
    }

    private static String property(Path pom, String name) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/*[local-name()='project']"
                + "/*[local-name()='properties']/*[local-name()='" + name + "']", document);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
