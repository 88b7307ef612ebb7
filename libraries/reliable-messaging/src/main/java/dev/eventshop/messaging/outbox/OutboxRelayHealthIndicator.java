package dev.eventshop.messaging.outbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The relay's health ({@code outboxRelay}): DOWN when it has neither published nor found nothing to publish for
 * {@code stall-timeout}, so rows wait and none gets out; OUT_OF_SERVICE once stopped. Meant for the overall health
 * and alerting, not for liveness: restarting the pod does not bring back a broker. A standby relay is UP.
 */
public class OutboxRelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    public OutboxRelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        OutboxRelay.State state = relay.state();
        Health.Builder health = !state.running() ? Health.outOfService()
                : state.stalled() ? Health.down() : Health.up();
        return health.withDetail("leading", state.leading())
                .withDetail("sinceProgress", state.sinceProgress().toString())
                .build();
    }
}
