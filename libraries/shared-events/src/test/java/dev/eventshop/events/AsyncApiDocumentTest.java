package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps {@code docs/asyncapi.yaml} true to the code: one channel per topic of {@link Topics#ALL} with its partitions,
 * cleanup policy and key; every {@link EventCatalog} type once, as a message on its topic's channel, with its
 * {@code ce_type} and {@code ce_source}, the CloudEvents headers and its committed schema as payload; one send
 * operation per producing service and topic; and nothing the code does not have.
 */
class AsyncApiDocumentTest {

    /** Maven runs tests in the module directory, and the document sits beside the modules. */
    private static final Path DOCUMENT = Path.of("../../docs/asyncapi.yaml");

    private static final String SCHEMA_REF = "../libraries/shared-events/src/main/resources/schemas/";

    private static final List<String> CLOUDEVENTS_HEADERS =
            List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type");

    private static final Map<String, Object> ASYNCAPI = load();

    static Stream<Named<EventType>> registeredTypes() {
        return EventCatalog.ALL.stream().map(type -> Named.of(type.name(), type));
    }

    @Test
    void the_document_is_asyncapi_3_with_json_content() {
        assertThat(ASYNCAPI.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(ASYNCAPI.get("defaultContentType")).isEqualTo("application/json");
    }

    @Test
    void every_topic_is_one_channel_and_there_is_no_other() {
        assertThat(channels().values()).extracting(channel -> channel.get("address"))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
    }

    @Test
    void every_channel_states_the_partitions_cleanup_policy_and_key_of_its_topic() {
        assertThat(Topics.ALL).allSatisfy(topic -> {
            Map<String, Object> channel = channelOf(topic);
            Map<String, Object> kafka = map(map(channel.get("bindings")).get("kafka"));
            assertThat(kafka.get("topic")).isEqualTo(topic.name());
            assertThat(kafka.get("partitions")).isEqualTo(topic.partitions());
            assertThat(map(kafka.get("topicConfiguration")).get("cleanup.policy"))
                    .isEqualTo(List.of(topic.compacted() ? "compact" : "delete"));
            assertThat((String) channel.get("description"))
                    .containsIgnoringCase("Key: the " + topic.key())
                    .contains(topic.partitions() + " partitions")
                    .satisfies(description -> assertThat(description.contains("compacted"))
                            .as("%s says whether it is compacted", topic).isEqualTo(topic.compacted()));
        });
    }

    @Test
    void every_topic_carries_on_its_channel_exactly_the_types_the_catalog_puts_on_it() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(messagesOf(channelOf(topic)))
                .extracting(message -> message.get("name"))
                .as("messages on %s", topic)
                .containsExactlyInAnyOrderElementsOf(EventCatalog.on(topic).stream().map(EventType::name).toList()));
    }

    @Test
    void there_is_no_message_the_catalog_does_not_have() {
        List<Object> names = map(map(ASYNCAPI.get("components")).get("messages")).values().stream()
                .map(message -> map(message).get("name"))
                .toList();

        assertThat(names).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventType::name).toList());
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_message_carries_the_cloudevents_headers_with_its_type_and_source(EventType type) {
        Map<String, Object> message = messageNamed(type.name());
        Map<String, Object> headers = map(message.get("headers"));
        Map<String, Object> properties = map(headers.get("properties"));

        assertThat(message.get("contentType")).isEqualTo("application/json");
        assertThat(map(properties.get("ce_type")).get("const")).isEqualTo(type.name());
        assertThat(map(properties.get("ce_source")).get("const")).isEqualTo(type.source());
        assertThat(map(resolve(properties.get("ce_specversion"))).get("const")).isEqualTo("1.0");
        assertThat(properties).containsKeys(CLOUDEVENTS_HEADERS.toArray(String[]::new)).containsKey("traceparent");
        // Every record has these; traceparent only when the work that caused it was traced.
        assertThat(list(headers.get("required"))).containsExactlyInAnyOrderElementsOf(CLOUDEVENTS_HEADERS);
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_message_payload_is_the_committed_schema_of_its_type(EventType type) throws IOException {
        Object ref = map(messageNamed(type.name()).get("payload")).get("$ref");

        assertThat(ref).isEqualTo(SCHEMA_REF + EventSchemas.fileName(type.name()));
        Path referenced = DOCUMENT.getParent().resolve((String) ref);
        assertThat(referenced).isRegularFile();
        assertThat(Files.isSameFile(referenced,
                Path.of("src/main/resources", EventSchemas.FOLDER, EventSchemas.fileName(type.name())))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_message_describes_the_record_key_of_its_topic(EventType type) {
        Map<String, Object> kafka = map(map(resolve(messageNamed(type.name()).get("bindings"))).get("kafka"));

        assertThat((String) map(kafka.get("key")).get("description")).containsIgnoringCase(type.topic().key());
    }

    @Test
    void every_producing_service_sends_exactly_its_types_on_each_of_its_topics() {
        Map<List<String>, Set<String>> expected = EventCatalog.ALL.stream().collect(Collectors.groupingBy(
                type -> List.of(type.source(), type.topic().name()),
                Collectors.mapping(EventType::name, Collectors.toSet())));

        List<List<String>> sendersAndTopics = new ArrayList<>();
        Map<List<String>, Set<String>> actual = new HashMap<>();
        map(ASYNCAPI.get("operations")).forEach((id, value) -> {
            Map<String, Object> operation = map(value);
            assertThat(operation.get("action")).as("%s", id).isEqualTo("send");
            String channelRef = (String) map(operation.get("channel")).get("$ref");
            String address = (String) map(resolve(operation.get("channel"))).get("address");
            List<Map<String, Object>> messages = new ArrayList<>();
            for (Object message : list(operation.get("messages"))) {
                // AsyncAPI 3: an operation may only send messages of its own channel.
                assertThat((String) map(message).get("$ref")).startsWith(channelRef + "/messages/");
                messages.add(map(resolve(message)));
            }
            Set<String> sources = messages.stream().map(AsyncApiDocumentTest::sourceOf).collect(Collectors.toSet());
            assertThat(sources).as("one producing service per operation %s", id).hasSize(1);
            List<String> senderAndTopic = List.of(sources.iterator().next(), address);
            sendersAndTopics.add(senderAndTopic);
            actual.put(senderAndTopic, messages.stream().map(message -> (String) message.get("name"))
                    .collect(Collectors.toSet()));
        });

        assertThat(sendersAndTopics).doesNotHaveDuplicates();
        assertThat(actual).isEqualTo(expected);
    }

    private static String sourceOf(Map<String, Object> message) {
        return (String) map(map(map(message.get("headers")).get("properties")).get("ce_source")).get("const");
    }

    private static Map<String, Map<String, Object>> channels() {
        Map<String, Map<String, Object>> channels = new HashMap<>();
        map(ASYNCAPI.get("channels")).forEach((id, channel) -> channels.put(id, map(channel)));
        return channels;
    }

    private static Map<String, Object> channelOf(Topic topic) {
        List<Map<String, Object>> matching = channels().values().stream()
                .filter(channel -> topic.name().equals(channel.get("address")))
                .toList();
        assertThat(matching).as("channels with address %s", topic.name()).hasSize(1);
        return matching.getFirst();
    }

    private static List<Map<String, Object>> messagesOf(Map<String, Object> channel) {
        return map(channel.get("messages")).values().stream().map(message -> map(resolve(message))).toList();
    }

    private static Map<String, Object> messageNamed(String name) {
        List<Map<String, Object>> matching = map(map(ASYNCAPI.get("components")).get("messages")).values().stream()
                .map(AsyncApiDocumentTest::map)
                .filter(message -> name.equals(message.get("name")))
                .toList();
        assertThat(matching).as("messages named %s", name).hasSize(1);
        return matching.getFirst();
    }

    /** Follows local references ({@code #/components/messages/orderPlaced}) within the document. */
    private static Object resolve(Object node) {
        Object current = node;
        Set<String> seen = new HashSet<>();
        while (current instanceof Map<?, ?> reference && reference.get("$ref") instanceof String ref
                && ref.startsWith("#/")) {
            assertThat(seen.add(ref)).as("circular reference %s", ref).isTrue();
            current = ASYNCAPI;
            for (String segment : ref.substring(2).split("/")) {
                current = map(current).get(segment.replace("~1", "/").replace("~0", "~"));
                assertThat(current).as("target of %s", ref).isNotNull();
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static Map<String, Object> load() {
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT.toAbsolutePath().normalize(), e);
        }
    }
}
