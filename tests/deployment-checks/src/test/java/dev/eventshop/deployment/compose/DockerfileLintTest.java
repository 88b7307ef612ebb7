package dev.eventshop.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.eventshop.deployment.compose.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, linted without a Docker engine: first by a real Dockerfile linter (dockerfile-utils, the one behind
 * the Docker language server, installed from npm into deployment-checks), which knows every instruction's syntax and
 * flags; then by the rules of this deployment, which no generic linter knows.
 */
class DockerfileLintTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Dockerfile DOCKERFILE = Dockerfile.ofRepository();
    private static final Path LINTER = ROOT.resolve("tests/deployment-checks/node_modules/.bin/dockerfile-utils");

    /** An exact release: {@code 21.0.11_10-jre-noble}, a version with its build, and maybe a variant. */
    private static final Pattern EXACT_TAG = Pattern.compile("\\d+\\.\\d+\\.\\d+[._]\\d+(-[a-z0-9-]+)?");

    /** Boot's layers, from the one that changes least to the one that changes most: the order Docker caches them in. */
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    @Test
    void a_real_dockerfile_linter_finds_nothing_to_report() throws Exception {
        if (!Files.isExecutable(LINTER)) {
            fail("The Dockerfile linter is not installed; install it with: npm ci --prefix tests/deployment-checks");
        }
        Path output = Files.createTempFile("dockerfile-lint", ".out");
        try {
            Process lint = new ProcessBuilder(LINTER.toString(), "lint", ROOT.resolve("Dockerfile").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(lint.waitFor(60, TimeUnit.SECONDS)).as("the linter finished within 60 s").isTrue();
            String report = Files.readString(output, StandardCharsets.UTF_8);

            assertThat(lint.exitValue()).as(report).isZero();
            assertThat(report).isBlank();
        } finally {
            Files.delete(output);
        }
    }

    @Test
    void every_base_image_is_pinned_to_an_exact_release() {
        List<String> stages = DOCKERFILE.all("FROM").stream()
                .map(from -> from.arguments().split(" "))
                .filter(words -> words.length == 3 && words[1].equalsIgnoreCase("AS"))
                .map(words -> words[2]).toList();
        List<String> images = DOCKERFILE.all("FROM").stream().map(from -> from.arguments().split(" ")[0])
                .filter(image -> !stages.contains(image)).toList();

        assertThat(images).hasSize(2).allSatisfy(image -> {
            assertThat(image).contains(":");
            assertThat(image.substring(image.lastIndexOf(':') + 1)).as("the tag of %s", image).matches(EXACT_TAG);
        });
    }

    @Test
    void the_service_runs_as_an_unprivileged_user() {
        List<Instruction> users = DOCKERFILE.finalStage().stream()
                .filter(instruction -> instruction.keyword().equals("USER")).toList();

        assertThat(users).as("a USER in the final stage").isNotEmpty();
        String user = users.getLast().arguments().split(":")[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(DOCKERFILE.finalStage()).filteredOn(instruction -> instruction.keyword().equals("RUN"))
                .as("a RUN that creates %s", user)
                .anySatisfy(run -> assertThat(run.arguments()).contains("useradd").contains(" " + user));
    }

    @Test
    void the_image_checks_its_health_with_the_program_it_compiles() {
        Instruction healthcheck = DOCKERFILE.finalStage().stream()
                .filter(instruction -> instruction.keyword().equals("HEALTHCHECK")).findFirst()
                .orElseThrow(() -> new AssertionError("no HEALTHCHECK in the final stage"));
        Matcher compiled = Pattern.compile("javac .* -d (\\S+) (\\S+\\.java)").matcher(DOCKERFILE.all("RUN").stream()
                .map(Instruction::arguments).collect(Collectors.joining("\n")));

        assertThat(compiled.find()).as("a RUN that compiles the health check").isTrue();
        assertThat(ROOT.resolve(compiled.group(2))).isRegularFile();
        assertThat(DOCKERFILE.finalStage()).extracting(Instruction::arguments)
                .contains("--from=build " + compiled.group(1) + "/ /opt/healthcheck/");
        assertThat(healthcheck.arguments()).contains("CMD [\"java\"").contains("\"/opt/healthcheck\"")
                .contains("\"HealthCheck\"").containsPattern("--start-period=\\d+s").containsPattern("--timeout=\\d+s");
    }

    @Test
    void nothing_is_added_from_outside_the_build_context() {
        assertThat(DOCKERFILE.all("ADD")).as("ADD fetches URLs and unpacks archives; COPY does neither").isEmpty();
        assertThat(DOCKERFILE.all("RUN")).extracting(Instruction::arguments)
                .noneMatch(run -> run.matches(".*\\b(curl|wget)\\b.*"));
    }

    @Test
    void the_jvm_takes_its_heap_from_the_container_memory_limit() {
        Instruction entrypoint = DOCKERFILE.finalStage().stream()
                .filter(instruction -> instruction.keyword().equals("ENTRYPOINT")).findFirst().orElseThrow();

        assertThat(entrypoint.arguments()).startsWith("[").containsPattern("-XX:MaxRAMPercentage=\\d+")
                .doesNotContain("-Xmx").contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void the_jar_is_built_with_the_maven_wrapper_and_a_cached_repository_and_run_from_its_layers() {
        assertThat(DOCKERFILE.all("RUN")).extracting(Instruction::arguments)
                .anySatisfy(run -> assertThat(run).startsWith("--mount=type=cache,target=/root/.m2 ./mvnw")
                        .contains("-pl \"services/$SERVICE\" -am package -DskipTests"))
                .anySatisfy(run -> assertThat(run).contains("-Djarmode=tools")
                        .contains("extract --layers --launcher --destination /layers"));
        assertThat(DOCKERFILE.finalStage()).filteredOn(instruction -> instruction.keyword().equals("COPY"))
                .extracting(Instruction::arguments)
                .filteredOn(copy -> copy.startsWith("--from=build /layers/"))
                .containsExactlyElementsOf(LAYERS.stream().map(layer -> "--from=build /layers/" + layer + "/ ./")
                        .toList());
    }

    @Test
    void the_build_context_leaves_out_build_output_and_history_but_keeps_what_the_build_needs() throws IOException {
        Set<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());

        assertThat(ignored).contains("**/target/", ".git/", "!deploy/docker/");
        assertThat(ignored).noneMatch(pattern -> pattern.matches("(\\*\\*/)?(mvnw|\\.mvn/?|pom\\.xml|\\*/src/?)"));
    }
}
