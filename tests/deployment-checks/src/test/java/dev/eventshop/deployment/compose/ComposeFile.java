package dev.eventshop.deployment.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as Compose reads it: YAML anchors and merge keys resolved, variables interpolated, and the parts
 * the checks need (images, builds, environments, ports, dependencies, health checks, memory limits, volumes) in typed
 * form. Reads what the file uses of the Compose specification, and refuses forms it does not know rather than
 * misreading them.
 */
public final class ComposeFile {

    private static final Pattern SHORT_PORT =
            Pattern.compile("(?:(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+):)?(?:(?<published>\\d+):)?(?<target>\\d+)(?:/(?<protocol>tcp|udp))?");
    private static final Pattern MEMORY = Pattern.compile("(?<amount>\\d+)\\s*(?<unit>[bkmg]?)b?");

    private final Path path;
    private final Map<String, Object> raw;
    private final Map<String, Object> interpolated;

    private ComposeFile(Path path, Map<String, Object> raw, ComposeVariables variables) {
        this.path = path;
        this.raw = raw;
        this.interpolated = asMap(interpolate(raw, variables), "the file");
    }

    /** The repository's docker-compose.yml with every variable at its default. */
    public static ComposeFile ofRepository() {
        return read(RepositoryFiles.root().resolve("docker-compose.yml"), ComposeVariables.defaultsOnly());
    }

    public static ComposeFile read(Path path, ComposeVariables variables) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(path)) {
            return new ComposeFile(path.toAbsolutePath(), asMap(yaml.load(reader), path.toString()), variables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    /** The directory relative paths in the file (build contexts, bind mounts) start from. */
    public Path directory() {
        return path.getParent();
    }

    /** The file as written, anchors and merge keys resolved but no variable interpolated. */
    public Map<String, Object> raw() {
        return raw;
    }

    public List<Service> services() {
        return asMap(interpolated.get("services"), "services").entrySet().stream()
                .map(entry -> new Service(entry.getKey(), asMap(entry.getValue(), entry.getKey())))
                .toList();
    }

    public Service service(String name) {
        return services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(path + " has no service " + name));
    }

    /** One entry of {@code services:}. */
    public record Service(String name, Map<String, Object> definition) {

        /** Its name alone: failure messages list services, not their whole definitions. */
        @Override
        public String toString() {
            return name;
        }

        public Optional<String> image() {
            return Optional.ofNullable((String) definition.get("image"));
        }

        /** Built by Compose rather than pulled: it has a {@code build} section. */
        public boolean isBuilt() {
            return definition.containsKey("build");
        }

        /** The Dockerfile it is built from, relative to the Compose file's directory. */
        public Optional<Path> dockerfile() {
            if (!isBuilt()) {
                return Optional.empty();
            }
            Map<String, Object> build = asMap(definition.get("build"), name + ".build");
            Path context = Path.of((String) build.getOrDefault("context", "."));
            return Optional.of(context.resolve((String) build.getOrDefault("dockerfile", "Dockerfile")).normalize());
        }

        public Map<String, String> buildArgs() {
            if (!isBuilt()) {
                return Map.of();
            }
            return keyValues(asMap(definition.get("build"), name + ".build").get("args"), name + ".build.args");
        }

        /** The container's environment as this file sets it (the image may add its own ENV to it). */
        public Map<String, String> environment() {
            return keyValues(definition.get("environment"), name + ".environment");
        }

        public List<Port> ports() {
            return asList(definition.get("ports")).stream().map(port -> Port.parse(port, name)).toList();
        }

        /** The services this one waits for, each with the condition it waits for. */
        public Map<String, String> dependsOn() {
            Object dependsOn = definition.get("depends_on");
            Map<String, String> conditions = new LinkedHashMap<>();
            if (dependsOn instanceof List<?> names) {
                // The short form waits only for the container to have started.
                names.forEach(dependency -> conditions.put((String) dependency, "service_started"));
            } else if (dependsOn != null) {
                asMap(dependsOn, name + ".depends_on").forEach((dependency, settings) -> conditions.put(dependency,
                        (String) asMap(settings, name + ".depends_on." + dependency)
                                .getOrDefault("condition", "service_started")));
            }
            return conditions;
        }

        public Optional<Map<String, Object>> healthcheck() {
            return Optional.ofNullable(definition.get("healthcheck")).map(check -> asMap(check, name + ".healthcheck"));
        }

        public Optional<String> restart() {
            return Optional.ofNullable((String) definition.get("restart"));
        }

        /** {@code mem_limit} in bytes; Docker reads its k, m and g as powers of 1024. */
        public OptionalLong memoryLimitBytes() {
            Object limit = definition.get("mem_limit");
            if (limit == null) {
                return OptionalLong.empty();
            }
            Matcher memory = MEMORY.matcher(limit.toString().toLowerCase(Locale.ROOT));
            if (!memory.matches()) {
                throw new IllegalArgumentException(name + ".mem_limit is no memory size: " + limit);
            }
            int shift = switch (memory.group("unit")) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            return OptionalLong.of(Long.parseLong(memory.group("amount")) << shift);
        }

        public List<Volume> volumes() {
            return asList(definition.get("volumes")).stream().map(volume -> Volume.parse(volume, name)).toList();
        }
    }

    /** A published port: {@code published} on the host, {@code target} in the container. */
    public record Port(OptionalInt published, int target) {

        static Port parse(Object port, String service) {
            if (port instanceof Map<?, ?> longSyntax) {
                Object published = longSyntax.get("published");
                return new Port(published == null ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(published.toString())),
                        Integer.parseInt(longSyntax.get("target").toString()));
            }
            Matcher shortSyntax = SHORT_PORT.matcher(port.toString());
            if (!shortSyntax.matches()) {
                throw new IllegalArgumentException(service + " has a port this reader does not know: " + port);
            }
            String published = shortSyntax.group("published");
            return new Port(published == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(published)),
                    Integer.parseInt(shortSyntax.group("target")));
        }
    }

    /** A named volume or a bind mount ({@code source} then starts with {@code .} or {@code /}). */
    public record Volume(String source, String target, boolean readOnly) {

        public boolean isBindMount() {
            return source.startsWith(".") || source.startsWith("/");
        }

        static Volume parse(Object volume, String service) {
            String[] parts = volume instanceof String text ? text.split(":") : new String[0];
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException(service + " has a volume this reader does not know: " + volume);
            }
            return new Volume(parts[0], parts[1], parts.length == 3 && List.of(parts[2].split(",")).contains("ro"));
        }
    }

    private static Object interpolate(Object node, ComposeVariables variables) {
        if (node instanceof String text) {
            return variables.interpolate(text);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(key.toString(), interpolate(value, variables)));
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(interpolate(item, variables)));
            return result;
        }
        return node;
    }

    /** Compose's two forms for a set of variables: a map, or a list of {@code NAME=value}. */
    private static Map<String, String> keyValues(Object node, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node instanceof List<?> list) {
            for (Object item : list) {
                String[] pair = item.toString().split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException(where + " takes " + pair[0] + " from the caller's environment;"
                            + " this reader knows only values set in the file");
                }
                result.put(pair[0], pair[1]);
            }
        } else if (node != null) {
            asMap(node, where).forEach((key, value) -> {
                if (value == null) {
                    throw new IllegalArgumentException(where + "." + key + " takes its value from the caller's"
                            + " environment; this reader knows only values set in the file");
                }
                result.put(key, value.toString());
            });
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node, String where) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    private static List<?> asList(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }
}
