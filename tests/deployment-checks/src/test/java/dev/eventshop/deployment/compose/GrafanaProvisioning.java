package dev.eventshop.deployment.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana provisioning under {@code deploy/compose/grafana}: the dashboards (JSON) and the alert rules (YAML), and
 * every Prometheus query in them with where it is.
 */
public final class GrafanaProvisioning {

    /** The uid under which otel-lgtm provisions its Prometheus data source (its grafana-datasources.yaml). */
    public static final String PROMETHEUS_UID = "prometheus";
    /** The pseudo data source of Grafana's server-side expressions (reduce, threshold, math). */
    public static final String EXPRESSION_UID = "__expr__";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;

    public GrafanaProvisioning(Path directory) {
        this.directory = directory;
    }

    public static GrafanaProvisioning ofRepository() {
        return new GrafanaProvisioning(RepositoryFiles.root().resolve("deploy/compose/grafana"));
    }

    public Path directory() {
        return directory;
    }

    /** A Prometheus query, and where it is: a dashboard panel or an alert rule. */
    public record Query(String source, String expression) {
    }

    /** Every dashboard JSON file, parsed. */
    public List<JsonNode> dashboards() {
        return files(directory.resolve("dashboards"), ".json").stream()
                .map(file -> JSON.readTree(file.toFile()))
                .toList();
    }

    /** Every alert rule of every group in every alerting file. */
    public List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : files(directory.resolve("alerting"), ".yaml")) {
            for (Object group : (List<?>) yaml(file).get("groups")) {
                for (Object rule : (List<?>) map(group).get("rules")) {
                    rules.add(map(rule));
                }
            }
        }
        return rules;
    }

    /** Every panel of a dashboard, those inside collapsed rows included, rows themselves not. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** Every query of every dashboard panel and alert rule. */
    public List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query("dashboard '" + dashboard.path("title").asString() + "', panel '"
                            + panel.path("title").asString() + "'", target.path("expr").asString()));
                }
            }
        }
        for (Map<String, Object> rule : alertRules()) {
            for (Object data : (List<?>) rule.get("data")) {
                Map<String, Object> query = map(data);
                if (!EXPRESSION_UID.equals(query.get("datasourceUid"))) {
                    queries.add(new Query("alert rule '" + rule.get("title") + "'",
                            (String) map(query.get("model")).get("expr")));
                }
            }
        }
        return queries;
    }

    public static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static List<Path> files(Path directory, String extension) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
