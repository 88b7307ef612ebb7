package dev.eventshop.inventory.stock.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the stock the saga changed is announced ({@code eventshop.inventory.*}; in the environment
 * {@code EVENTSHOP_INVENTORY_STOCK_ANNOUNCEMENT_INTERVAL=500ms}).
 *
 * @param stockAnnouncementInterval from the end of one announcement to the start of the next: the order-service's
 *     replica of the catalog lags the stock by at most this much, give or take the time the records take
 */
@ConfigurationProperties("eventshop.inventory")
public record StockAnnouncementProperties(@DefaultValue("1s") Duration stockAnnouncementInterval) {

    public StockAnnouncementProperties {
        if (!stockAnnouncementInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "eventshop.inventory.stock-announcement-interval must be positive: " + stockAnnouncementInterval);
        }
    }
}
