package dev.eventshop.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void a_bare_selector_names_its_metric() {
        assertThat(PromQl.metricNames("eventshop_outbox_pending")).containsExactly("eventshop_outbox_pending");
    }

    @Test
    void label_matchers_and_their_values_are_no_metrics() {
        assertThat(PromQl.metricNames("eventshop_outbox_pending{application=\"order-service\", topic=~\"x_y.*\"}"))
                .containsExactly("eventshop_outbox_pending");
    }

    @Test
    void functions_aggregations_and_grouping_labels_are_no_metrics() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (application, le) "
                + "(rate(eventshop_outbox_publish_latency_seconds_bucket[$__rate_interval])))"))
                .containsExactly("eventshop_outbox_publish_latency_seconds_bucket");
    }

    @Test
    void a_grouping_clause_after_the_aggregation_is_no_metric() {
        assertThat(PromQl.metricNames("sum(rate(eventshop_messaging_retries_total[5m])) without (instance, job)"))
                .containsExactly("eventshop_messaging_retries_total");
    }

    @Test
    void both_sides_of_a_binary_operation_are_read() {
        assertThat(PromQl.metricNames("sum(rate(a_sum[1m])) / sum(rate(a_count[1m])) * 60"))
                .containsExactly("a_sum", "a_count");
    }

    @Test
    void offsets_set_operators_and_numbers_are_no_metrics() {
        assertThat(PromQl.metricNames("sum by (topic) (dead_total) - sum by (topic) "
                + "(dead_total offset 10m or dead_total * 0) > 1e3"))
                .containsExactly("dead_total");
    }

    @Test
    void vector_matching_labels_are_no_metrics() {
        assertThat(PromQl.metricNames("a_total / on (application) group_left (version) build_info"))
                .containsExactly("a_total", "build_info");
    }

    @Test
    void string_literals_and_dashboard_variables_are_no_metrics() {
        assertThat(PromQl.metricNames("label_replace(up_total, \"dst\", \"$1\", \"src\", \"(.*)\") + ${factor}"))
                .containsExactly("up_total");
    }

    @Test
    void an_expression_with_a_missing_parenthesis_is_not_balanced() {
        assertThat(PromQl.isBalanced("sum(rate(x[5m])")).isFalse();
        assertThat(PromQl.isBalanced("sum(rate(x{a=\")\"}[5m]))")).isTrue();
    }
}
