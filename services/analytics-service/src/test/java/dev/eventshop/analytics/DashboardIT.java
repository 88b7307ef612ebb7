package dev.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.analytics.sales.web.SummaryResponse;
import dev.eventshop.testsupport.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a person sees it, in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): the figures drawn as charts and kept live, without a single console error. Leaves a
 * screenshot in {@code target/dashboard.png}.
 */
class DashboardIT extends IntegrationTest {

    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Duration LIVE = Duration.ofSeconds(15);

    /** True once the canvas has at least one painted pixel. */
    private static final String PAINTED = """
            const canvas = arguments[0];
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let alpha = 3; alpha < pixels.length; alpha += 4) {
              if (pixels[alpha] !== 0) return true;
            }
            return false;""";
    /** True once no chart is animating: what is drawn is what the figures say. */
    private static final String SETTLED =
            "return Object.values(Chart.instances).every(chart => !Chart.animator.running(chart));";

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1360, 1320);
        browser = chromium.browser();
    }

    /** The screenshot is taken whatever the outcome: when the test fails, it shows what the page showed. */
    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            try {
                chromium.screenshot(SCREENSHOT);
            } finally {
                chromium.close();
            }
        }
    }

    @Test
    void draws_the_figures_as_charts_and_follows_a_new_order_live_without_a_console_error() {
        shop.publish(shop.mix(36, 36));
        SummaryResponse before = awaitSummaryOfEverythingPublished();
        WebDriverWait wait = new WebDriverWait(browser, LIVE, Duration.ofMillis(100));

        browser.get(http.base() + "/");

        wait.until(page -> number("placed") == before.orders().placed());
        assertThat(browser.getTitle()).isEqualTo("eventshop analytics");
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");
        List<WebElement> charts = browser.findElements(By.tagName("canvas"));
        assertThat(charts).extracting(chart -> chart.getAttribute("id"))
                .containsExactly("outcomes", "products", "timing", "steps");
        wait.until(page -> charts.stream().allMatch(chart -> Boolean.TRUE.equals(
                browser.executeScript(PAINTED, chart))));
        assertThat(chartData("outcomes").getFirst()).isEqualTo(before.orders().confirmed());
        assertThat(chartData("products")).hasSize(before.topProducts().size());
        assertThat(charts.getFirst().getAttribute("aria-label"))
                .contains(before.orders().confirmed() + " confirmed");

        shop.publish(shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(900), "KB-001", 1));

        wait.until(page -> number("placed") == before.orders().placed() + 1
                && number("confirmed") == before.orders().confirmed() + 1);
        wait.until(page -> chartData("outcomes").getFirst() == before.orders().confirmed() + 1);
        wait.until(page -> Boolean.TRUE.equals(browser.executeScript(SETTLED)));
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogEntry::toString)
                .as("browser console warnings and errors")
                .isEmpty();
    }

    /** The number a figure of the page shows, whatever the digit grouping of the browser's locale. */
    private long number(String figure) {
        String text = browser.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText();
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    /** The numbers a chart draws, as Chart.js holds them. */
    @SuppressWarnings("unchecked")
    private List<Long> chartData(String canvasId) {
        return ((List<Number>) browser.executeScript(
                "return Chart.getChart(arguments[0]).data.datasets[0].data;", canvasId))
                .stream().map(Number::longValue).toList();
    }
}
