package dev.eventshop.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed JSON Schemas of the event types, read from the classpath as a consumer of this module's jar would, and
 * the few schema walks the tests share. Jackson 2 throughout, because that is what json-schema-validator speaks.
 */
final class EventSchemas {

    /** Where in the jar, and under {@code src/main/resources}, the schema of a type lives. */
    static final String FOLDER = "schemas/";

    static final ObjectMapper JACKSON2 = new ObjectMapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // By default 2020-12 treats "format" as a mere annotation; a uuid or date-time that is not one must fail.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    static String fileName(String typeName) {
        return typeName + ".json";
    }

    static boolean exists(String typeName) {
        return EventSchemas.class.getClassLoader().getResource(FOLDER + fileName(typeName)) != null;
    }

    static JsonNode load(String typeName) {
        String resource = FOLDER + fileName(typeName);
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource + " on the classpath");
            }
            return JACKSON2.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode load(EventType type) {
        return load(type.name());
    }

    static JsonSchema validatorOf(EventType type) {
        return FACTORY.getSchema(load(type), CONFIG);
    }

    static JsonNode toJackson2(byte[] json) {
        try {
            return JACKSON2.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows local {@code $ref}s ({@code #/$defs/money}) until it reaches a schema that is not a reference. */
    static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 32) {
                throw new IllegalArgumentException("only local, non-circular references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("dangling reference " + ref);
            }
        }
        return current;
    }

    /**
     * The paths of every property in {@code json} the schema does not declare. The schemas allow unknown properties
     * (consumers ignore them), so validation alone would not notice a property the schema forgot.
     */
    static List<String> undeclaredProperties(JsonNode root, JsonNode json) {
        List<String> found = new ArrayList<>();
        collectUndeclared(root, root, json, "", found);
        return found;
    }

    private static void collectUndeclared(JsonNode root, JsonNode schema, JsonNode json, String path,
            List<String> found) {
        JsonNode resolved = resolve(root, schema);
        if (json.isObject()) {
            JsonNode declared = resolved.path("properties");
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (declared.has(field.getKey())) {
                    collectUndeclared(root, declared.get(field.getKey()), field.getValue(), fieldPath, found);
                } else {
                    found.add(fieldPath);
                }
            }
        } else if (json.isArray() && resolved.has("items")) {
            for (JsonNode element : json) {
                collectUndeclared(root, resolved.get("items"), element, path + "[]", found);
            }
        }
    }
}
