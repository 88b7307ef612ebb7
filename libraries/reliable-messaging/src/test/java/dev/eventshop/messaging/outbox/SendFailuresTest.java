package dev.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void what_the_broker_refuses_about_the_record_itself_is_permanent_and_parks_the_row_in_time() {
        assertThat(SendFailures.isPermanent(new RecordTooLargeException("too large"))).isTrue();
        assertThat(SendFailures.isPermanent(new TopicAuthorizationException("not authorised"))).isTrue();
        assertThat(SendFailures.isPermanent(new InvalidTopicException("bad name"))).isTrue();
        assertThat(SendFailures.isPermanent(new UnknownTopicOrPartitionException("no such topic"))).isTrue();
        assertThat(SendFailures.isPermanent(new SerializationException("cannot serialise"))).isTrue();
        assertThat(SendFailures.isPermanent(new KafkaException("wrapped", new RecordTooLargeException("too large"))))
                .isTrue();
    }

    @Test
    void what_would_fail_every_row_alike_is_transient_and_backs_the_whole_relay_off() {
        assertThat(SendFailures.isPermanent(new TimeoutException("no metadata"))).isFalse();
        assertThat(SendFailures.isPermanent(new NotEnoughReplicasException("replicas down"))).isFalse();
        assertThat(SendFailures.isPermanent(new NotLeaderOrFollowerException("leader moved"))).isFalse();
        assertThat(SendFailures.isPermanent(new NetworkException("connection lost"))).isFalse();
        assertThat(SendFailures.isPermanent(new ClusterAuthorizationException("cluster denies"))).isFalse();
        assertThat(SendFailures.isPermanent(null)).isFalse();
    }
}
