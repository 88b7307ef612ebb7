package dev.eventshop.order.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.testsupport.EnvironmentBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/** The deadline as the run modes set it: through the environment of the service's process. */
class SagaDeadlinePropertiesTest {

    @Test
    void the_deadline_is_two_minutes_unless_set() {
        SagaDeadlineProperties properties = bind(Map.of());

        assertThat(properties.sagaDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.deadlineCheckInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.deadlineBatchSize()).isEqualTo(50);
    }

    @Test
    void the_environment_sets_the_deadline_as_eventshop_order_saga_deadline() {
        SagaDeadlineProperties properties = bind(Map.of("EVENTSHOP_ORDER_SAGA_DEADLINE", "20s",
                "EVENTSHOP_ORDER_DEADLINE_CHECK_INTERVAL", "1s"));

        assertThat(properties.sagaDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.deadlineCheckInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_deadline_that_is_not_positive_is_refused_at_startup() {
        assertThatThrownBy(() -> bind(Map.of("EVENTSHOP_ORDER_SAGA_DEADLINE", "0s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("eventshop.order.saga-deadline must be positive: PT0S");
    }

    private static SagaDeadlineProperties bind(Map<String, Object> environment) {
        return EnvironmentBinding.bind("eventshop.order", SagaDeadlineProperties.class, environment);
    }
}
