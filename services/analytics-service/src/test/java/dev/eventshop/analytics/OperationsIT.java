package dev.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.OperationsContract;
import dev.eventshop.testsupport.ProblemDetails;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators, browsers and API clients rely on besides the figures themselves. */
class OperationsIT extends IntegrationTest implements OperationsContract {

    @Override
    public String apiPath() {
        return "/analytics/summary";
    }

    @Test
    void publishes_an_openapi_document_of_the_analytics_api() {
        JsonNode docs = apiDocument();

        JsonNode paths = docs.get("paths");
        assertThat(paths.get("/analytics/summary").has("get")).isTrue();
        assertThat(paths.get("/analytics/rebuild").has("post")).isTrue();
        assertThat(paths.get("/analytics/summary/stream").has("get")).isTrue();
        assertThat(docs.get("components").get("schemas").has("Summary")).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} is a {2} problem")
    @CsvSource({
        "GET, /no-such-thing, 404",
        "GET, /analytics/nothing-here, 404",
        "GET, /analytics/rebuild, 405",
        "DELETE, /analytics/summary, 405"})
    void every_error_is_problem_details(String method, String path, int status) {
        Http.Response response = http.send(method, path, BodyPublishers.noBody());

        ProblemDetails.assertProblem(response, status);
    }

    @Test
    void serves_the_dashboard_and_its_chart_library_itself() {
        Http.Response page = http.get("/", "Accept", "text/html");
        Http.Response chartJs = http.get("/webjars/chart.js/dist/chart.umd.min.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<canvas").contains("/webjars/chart.js/dist/chart.umd.min.js")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(chartJs.status()).isEqualTo(200);
        assertThat(chartJs.contentType()).contains("javascript");
        assertThat(chartJs.body()).contains("Chart.js v4.5.1");
    }

    @Test
    void streams_the_summary_as_server_sent_events() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/analytics/summary/stream"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();

        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (Stream<String> lines = response.body()) {
            Iterator<String> stream = lines.iterator();
            assertThat(stream.next()).isEqualTo("event:summary");
            String data = stream.next();
            while (!data.startsWith("data:")) {
                data = stream.next();
            }
            JsonNode summary = JsonMapper.builder().build().readTree(data.substring("data:".length()));
            assertThat(summary.get("orders").get("placed").asLong()).isEqualTo(summary().orders().placed());
        }
    }
}
