package dev.eventshop.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the analytics-service, under {@code eventshop.analytics}. Every one has a default. */
@ConfigurationProperties("eventshop.analytics")
public class AnalyticsProperties {

    /** How many products the summary lists, most sold first. */
    private int topProducts = 10;
    /** How often the dashboard's stream looks for new figures (and sends them only when they changed). */
    private Duration refreshInterval = Duration.ofSeconds(1);
    /** A rebuild whose reading of the topics makes no progress for this long fails, and changes nothing. */
    private Duration rebuildStallTimeout = Duration.ofSeconds(60);

    public int getTopProducts() {
        return topProducts;
    }

    public void setTopProducts(int topProducts) {
        this.topProducts = topProducts;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public Duration getRebuildStallTimeout() {
        return rebuildStallTimeout;
    }

    public void setRebuildStallTimeout(Duration rebuildStallTimeout) {
        this.rebuildStallTimeout = rebuildStallTimeout;
    }
}
