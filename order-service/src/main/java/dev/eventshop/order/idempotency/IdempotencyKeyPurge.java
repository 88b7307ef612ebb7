package dev.eventshop.order.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency keys past their retention, and keys whose request was abandoned in flight. */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeyStore keys;
    private final IdempotencyProperties properties;

    IdempotencyKeyPurge(IdempotencyKeyStore keys, IdempotencyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${eventshop.order.idempotency.purge-interval:10m}",
            initialDelayString = "${eventshop.order.idempotency.purge-interval:10m}")
    void purge() {
        int purged = keys.purge(properties.retention(), properties.abandonedAfter());
        if (purged > 0) {
            log.info("Purged {} idempotency key(s)", purged);
        }
    }
}
