package dev.eventshop.messaging.deadletters.kafka;

import dev.eventshop.messaging.errors.RetryTopics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the service's dead letters until someone deletes them: every dead-letter topic of the service gets
 * {@code retention.ms=-1} and {@code retention.bytes=-1}, whatever the broker's defaults. Spring Kafka creates the
 * dead-letter topics with the broker's defaults (its topic creation takes no settings), and an existing topic keeps
 * whatever it was created with, so the settings are applied to the topics as they are, on every start.
 */
public class DeadLetterRetention {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetention.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final List<AlterConfigOp> FOREVER = List.of(
            new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET),
            new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1"), AlterConfigOp.OpType.SET));

    private final Map<String, Object> adminProperties;
    private final String service;
    private final Collection<String> sourceTopics;

    public DeadLetterRetention(Map<String, Object> adminProperties, String service, Collection<String> sourceTopics) {
        this.adminProperties = Map.copyOf(adminProperties);
        this.service = service;
        this.sourceTopics = List.copyOf(sourceTopics);
    }

    /** Sets the retention of every dead-letter topic of the service that exists; returns their names. */
    public List<String> keepForGood() {
        try (Admin admin = Admin.create(adminProperties)) {
            var existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> deadLetterTopics = sourceTopics.stream()
                    .map(topic -> RetryTopics.deadLetterTopic(topic, service))
                    .filter(existing::contains)
                    .toList();
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            deadLetterTopics.forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    FOREVER));
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(changes).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Dead letters are kept until deleted on {}", deadLetterTopics);
            }
            return deadLetterTopics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not set the retention of the dead-letter topics: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
