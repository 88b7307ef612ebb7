package dev.eventshop.deployment.compose;

import static dev.eventshop.deployment.compose.GrafanaProvisioning.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.deployment.compose.ComposeFile.Service;
import dev.eventshop.deployment.compose.ComposeFile.Volume;
import dev.eventshop.deployment.compose.GrafanaProvisioning.Query;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The order pipeline dashboard, its alert rules and the Prometheus scrape configuration, parsed and checked against
 * each other and against docker-compose.yml. Whether the services expose every metric queried here is checked with
 * the services running, by ComposeConformanceIT.
 */
class GrafanaProvisioningTest {

    /** Where otel-lgtm's Grafana reads provisioning: its image copies its own providers and data sources there. */
    private static final String PROVISIONING = "/otel-lgtm/grafana/conf/provisioning/";

    private static final GrafanaProvisioning GRAFANA = GrafanaProvisioning.ofRepository();
    private static final ComposeFile COMPOSE = ComposeFile.ofRepository();

    @Test
    void every_query_is_well_formed_and_selects_at_least_one_metric() {
        assertThat(GRAFANA.queries()).hasSizeGreaterThan(10).allSatisfy(query -> {
            assertThat(PromQl.isBalanced(query.expression())).as("%s: %s", query.source(), query.expression()).isTrue();
            assertThat(PromQl.metricNames(query.expression())).as(query.source()).isNotEmpty();
        });
    }

    @Test
    void the_dashboard_shows_orders_outbox_lag_retries_and_dead_letters() {
        Set<String> queried = metricsQueriedBy(GRAFANA.queries().stream()
                .filter(query -> query.source().startsWith("dashboard 'Order pipeline'")).toList());

        assertThat(queried).contains("eventshop_orders_finished_total",
                "eventshop_order_time_to_final_status_seconds_bucket",
                "eventshop_order_time_to_final_status_seconds_count", "eventshop_order_time_to_final_status_seconds_sum",
                "eventshop_orders_pending", "eventshop_orders_oldest_pending_age_seconds", "eventshop_outbox_pending",
                "eventshop_outbox_oldest_pending_age_seconds", "eventshop_outbox_publish_latency_seconds_bucket",
                "eventshop_outbox_publish_latency_seconds_count", "kafka_consumer_fetch_manager_records_lag",
                "eventshop_messaging_retries_total", "eventshop_messaging_dead_letters_total");
    }

    @Test
    void every_panel_queries_the_prometheus_data_source_that_otel_lgtm_provisions() {
        assertThat(GRAFANA.dashboards()).isNotEmpty().allSatisfy(dashboard ->
                assertThat(GrafanaProvisioning.panels(dashboard)).isNotEmpty().allSatisfy(panel -> {
                    assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                            .isEqualTo(GrafanaProvisioning.PROMETHEUS_UID);
                    assertThat(panel.path("targets")).as("the queries of %s", panel.path("title").asString())
                            .isNotEmpty().allSatisfy(target -> assertThat(target.path("datasource").path("uid")
                                    .asString()).isEqualTo(GrafanaProvisioning.PROMETHEUS_UID));
                }));
    }

    @Test
    void the_alert_rules_watch_the_outbox_the_lag_dead_letters_latency_and_the_saga_deadline() {
        Map<String, String> thresholdByMetric = GRAFANA.alertRules().stream().collect(Collectors.toMap(
                rule -> String.join(",", PromQl.metricNames(expression(rule))),
                rule -> threshold(rule)));

        assertThat(thresholdByMetric).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eventshop_outbox_oldest_pending_age_seconds", "gt 30",
                "kafka_consumer_fetch_manager_records_lag", "gt 0",
                "eventshop_messaging_dead_letters_total", "gt 0",
                "eventshop_order_time_to_final_status_seconds_bucket", "gt 5",
                "eventshop_orders_oldest_pending_age_seconds", "gt 120"));
        assertThat(GRAFANA.alertRules()).filteredOn(rule -> expression(rule).contains("records_lag"))
                .singleElement().satisfies(rule -> assertThat(rule.get("for")).isEqualTo("5m"));
    }

    @Test
    void every_alert_rule_is_complete_and_linked_to_a_panel_that_shows_its_series() {
        Map<String, Set<Integer>> panelsByDashboard = GRAFANA.dashboards().stream().collect(Collectors.toMap(
                dashboard -> dashboard.path("uid").asString(),
                dashboard -> GrafanaProvisioning.panels(dashboard).stream().map(panel -> panel.path("id").asInt())
                        .collect(Collectors.toSet())));
        List<Object> uids = GRAFANA.alertRules().stream().map(rule -> rule.get("uid")).toList();

        assertThat(uids).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(GRAFANA.alertRules()).allSatisfy(rule -> {
            List<Map<String, Object>> data = data(rule);
            assertThat(data).extracting(query -> query.get("refId")).contains(rule.get("condition"));
            assertThat(data).extracting(query -> query.get("datasourceUid"))
                    .containsOnly(GrafanaProvisioning.PROMETHEUS_UID, GrafanaProvisioning.EXPRESSION_UID);
            assertThat(String.valueOf(rule.get("for"))).matches("\\d+[smh]");
            assertThat(map(rule.get("labels"))).containsKey("severity");
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(annotations).containsKeys("summary", "description");
            assertThat(panelsByDashboard.get((String) annotations.get("__dashboardUid__")))
                    .as("the panels of dashboard %s", annotations.get("__dashboardUid__"))
                    .contains(Integer.valueOf((String) annotations.get("__panelId__")));
        });
    }

    @Test
    void no_alert_rule_has_a_dollar_sign_where_grafana_would_read_an_environment_variable() {
        // Grafana interpolates environment variables in provisioned rules, annotations excepted.
        assertThat(GRAFANA.alertRules()).allSatisfy(rule -> {
            Map<String, Object> withoutAnnotations = new LinkedHashMap<>(rule);
            withoutAnnotations.remove("annotations");
            assertThat(withoutAnnotations.toString()).as(String.valueOf(rule.get("title"))).doesNotContain("$");
        });
    }

    @Test
    void the_provisioning_files_are_mounted_where_otel_lgtm_reads_them() {
        Service lgtm = COMPOSE.service("lgtm");
        Map<String, String> mounts = lgtm.volumes().stream().filter(Volume::isBindMount)
                .collect(Collectors.toMap(Volume::source, Volume::target));
        String provider = mounts.get("./deploy/compose/grafana/dashboards.yaml");
        String dashboards = mounts.get("./deploy/compose/grafana/dashboards");
        Map<String, Object> providers = GrafanaProvisioning.yaml(GRAFANA.directory().resolve("dashboards.yaml"));

        assertThat(provider).startsWith(PROVISIONING + "dashboards/").endsWith(".yaml");
        assertThat(((List<?>) providers.get("providers")).stream().map(p -> map(map(p).get("options")).get("path")))
                .containsExactly(dashboards);
        assertThat(mounts).anySatisfy((source, target) -> {
            assertThat(source).startsWith("./deploy/compose/grafana/alerting/");
            assertThat(target).startsWith(PROVISIONING + "alerting/");
        });
        String home = lgtm.environment().get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(dashboards + "/");
        assertThat(GRAFANA.directory().resolve("dashboards").resolve(home.substring(dashboards.length() + 1)))
                .isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_every_service_where_it_serves_its_metrics() throws Exception {
        Service lgtm = COMPOSE.service("lgtm");
        Volume configuration = lgtm.volumes().stream().filter(volume -> volume.target().equals("/otel-lgtm/prometheus.yaml"))
                .findFirst().orElseThrow(() -> new AssertionError("no Prometheus configuration mounted"));
        Map<String, Object> prometheus = GrafanaProvisioning.yaml(COMPOSE.directory().resolve(configuration.source()));
        Map<String, Object> job = ((List<?>) prometheus.get("scrape_configs")).stream().map(GrafanaProvisioning::map)
                .filter(scrape -> "eventshop".equals(scrape.get("job_name"))).findFirst().orElseThrow();
        List<String> targets = new ArrayList<>();
        ((List<?>) job.get("static_configs")).forEach(group -> targets.addAll((List<String>) map(group).get("targets")));

        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(COMPOSE.services().stream().filter(Service::isBuilt)
                .map(service -> service.name() + ":" + service.environment().get("SERVER_PORT")).toList());
        assertThat(Files.readString(COMPOSE.directory().resolve(configuration.source())))
                .as("the otel-lgtm settings it replaces are kept").contains("otlp:").contains("promote_resource_attributes");
    }

    private static Set<String> metricsQueriedBy(List<Query> queries) {
        return queries.stream().flatMap(query -> PromQl.metricNames(query.expression()).stream())
                .collect(Collectors.toSet());
    }

    private static String expression(Map<String, Object> rule) {
        return data(rule).stream().filter(query -> GrafanaProvisioning.PROMETHEUS_UID.equals(query.get("datasourceUid")))
                .map(query -> (String) map(query.get("model")).get("expr")).findFirst().orElseThrow();
    }

    /** The threshold expression's condition, as "gt 30". */
    private static String threshold(Map<String, Object> rule) {
        Map<String, Object> model = data(rule).stream().map(query -> map(query.get("model")))
                .filter(m -> "threshold".equals(m.get("type"))).findFirst().orElseThrow();
        Map<String, Object> evaluator = map(map(((List<?>) model.get("conditions")).getFirst()).get("evaluator"));
        return evaluator.get("type") + " " + ((List<?>) evaluator.get("params")).getFirst();
    }

    private static List<Map<String, Object>> data(Map<String, Object> rule) {
        return ((List<?>) rule.get("data")).stream().map(GrafanaProvisioning::map).toList();
    }
}
