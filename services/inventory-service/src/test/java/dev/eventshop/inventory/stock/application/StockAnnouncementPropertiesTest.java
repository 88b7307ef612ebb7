package dev.eventshop.inventory.stock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.testsupport.EnvironmentBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/** The interval as the run modes set it: through the environment of the service's process. */
class StockAnnouncementPropertiesTest {

    @Test
    void stock_is_announced_every_second_unless_set() {
        assertThat(bind(Map.of()).stockAnnouncementInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_environment_sets_the_interval() {
        assertThat(bind(Map.of("EVENTSHOP_INVENTORY_STOCK_ANNOUNCEMENT_INTERVAL", "250ms")).stockAnnouncementInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void an_interval_that_is_not_positive_is_refused_at_startup() {
        assertThatThrownBy(() -> bind(Map.of("EVENTSHOP_INVENTORY_STOCK_ANNOUNCEMENT_INTERVAL", "0s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("eventshop.inventory.stock-announcement-interval must be positive: PT0S");
    }

    private static StockAnnouncementProperties bind(Map<String, Object> environment) {
        return EnvironmentBinding.bind("eventshop.inventory", StockAnnouncementProperties.class, environment);
    }
}
