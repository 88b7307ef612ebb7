package dev.eventshop.deployment.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.deployment.compose.RepositoryFiles;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What {@code ./run-embedded} and {@code ./run-benchmark} build: each starts the services' fat jars after a Maven build
 * without {@code clean}, so that build must rewrite them when only a library changed.
 */
class ServiceJarsTest {

    @Test
    void every_build_rewrites_the_jars_so_a_changed_library_reaches_the_services_fat_jars() throws Exception {
        // Without it, the jar plugin sees a service's own classes unchanged and keeps its old jar, and Spring Boot's
        // repackaging keeps that jar's old libraries: measured with a service-web change, which the order-service's
        // fat jar did not get from `./mvnw -DskipTests install`.
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(RepositoryFiles.root().resolve(Path.of("pom.xml")).toFile());

        String forceCreation = XPathFactory.newInstance().newXPath().evaluate(
                "/*[local-name()='project']/*[local-name()='build']/*[local-name()='pluginManagement']"
                        + "/*[local-name()='plugins']/*[local-name()='plugin'][*[local-name()='artifactId']"
                        + "='maven-jar-plugin']/*[local-name()='configuration']/*[local-name()='forceCreation']",
                pom);

        assertThat(forceCreation).as("maven-jar-plugin's forceCreation in the root pom.xml").isEqualTo("true");
    }
}
