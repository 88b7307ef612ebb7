package dev.eventshop.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the services' Kafka consumers received, by consumer, from each service's {@code /actuator/prometheus}: the
 * records delivered and the fetch requests that brought them. Records per fetch says whether batches form: a poll, a
 * transaction and a span can only be shared by records that arrive together.
 */
final class ConsumerFetches {

    /** The Kafka client's own counters. */
    private static final Pattern COUNTER = Pattern.compile(
            "^kafka_consumer_fetch_manager_(records_consumed_total|fetch_total)\\{([^}]*)} (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern CLIENT = Pattern.compile("client_id=\"([^\"]*)\"");

    /** One consumer's counts. */
    record Consumer(long records, long fetches) {
    }

    /** Every consumer's counts at one moment, by service and client id. */
    record Reading(Map<String, Consumer> consumers) {

        /** The difference, for the consumers in both readings. */
        Reading minus(Reading earlier) {
            Map<String, Consumer> difference = new HashMap<>();
            consumers.forEach((name, now) -> {
                Consumer before = earlier.consumers.get(name);
                if (before != null) {
                    difference.put(name, new Consumer(now.records - before.records, now.fetches - before.fetches));
                }
            });
            return new Reading(difference);
        }

        long records() {
            return consumers.values().stream().mapToLong(Consumer::records).sum();
        }

        /**
         * Records per fetch of the consumers that received any; the others (retry topics, mostly) only ask the broker
         * once a second for nothing, which says nothing about batches. NaN when no consumer received anything.
         */
        double recordsPerFetch() {
            long records = 0;
            long fetches = 0;
            for (Consumer consumer : consumers.values()) {
                if (consumer.records > 0) {
                    records += consumer.records;
                    fetches += consumer.fetches;
                }
            }
            return fetches == 0 ? Double.NaN : (double) records / fetches;
        }
    }

    private final HttpClient http;
    private final Map<String, String> serviceUrls;

    ConsumerFetches(HttpClient http, Map<String, String> serviceUrls) {
        this.http = http;
        this.serviceUrls = Map.copyOf(serviceUrls);
    }

    /** Every service's consumers now; a service that does not answer is left out of this reading. */
    Reading read() {
        Map<String, Consumer> consumers = new HashMap<>();
        serviceUrls.forEach((service, url) -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                        + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    consumers.putAll(parse(service, response.body()));
                }
            } catch (IOException e) {
                // left out of this reading, and so of its difference with another
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return new Reading(consumers);
    }

    /**
     * The consumers in one service's Prometheus text, named {@code <service>/<client id>}. A consumer's records come
     * as its total and per topic, or only per topic where the registry keeps one set of labels per name.
     */
    static Map<String, Consumer> parse(String service, String prometheus) {
        Map<String, Counts> counts = new HashMap<>();
        Matcher counter = COUNTER.matcher(prometheus);
        while (counter.find()) {
            Matcher client = CLIENT.matcher(counter.group(2));
            if (client.find()) {
                counts.computeIfAbsent(service + "/" + client.group(1), name -> new Counts()).add(counter.group(1),
                        counter.group(2).contains("topic="), (long) Double.parseDouble(counter.group(3)));
            }
        }
        Map<String, Consumer> consumers = new HashMap<>();
        counts.forEach((name, count) -> consumers.put(name, count.consumer()));
        return consumers;
    }

    /** One consumer's series as they are read. */
    private static final class Counts {

        private long recordsTotal;
        private long recordsByTopic;
        private long fetches;

        void add(String counter, boolean perTopic, long value) {
            if (counter.equals("fetch_total")) {
                fetches += value;
            } else if (perTopic) {
                recordsByTopic += value;
            } else {
                recordsTotal += value;
            }
        }

        /** Whichever the registry kept: the consumer's total, or its records per topic. */
        Consumer consumer() {
            return new Consumer(recordsTotal > 0 ? recordsTotal : recordsByTopic, fetches);
        }
    }
}
