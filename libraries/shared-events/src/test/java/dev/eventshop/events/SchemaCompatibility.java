package dev.eventshop.events;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Compares an event record with a committed JSON Schema and reports every way the record has drifted from it: a
 * property the schema has and the record no longer has (removed), a property whose JSON type differs (retyped), a
 * component the record requires that the schema does not (added), and enum values on one side only.
 *
 * <p>The JSON shape of a record is derived by reflection the way {@link EventJson} writes it: a record with a single
 * component and a {@code @JsonValue} (the typed ids) is its component; other records are objects; {@code List<X>} is
 * an array of X; enums are strings with those values; {@code Instant} is a date-time string, {@code UUID} a uuid
 * string; {@code BigDecimal} a string (money amounts travel as decimal strings); {@code int} and {@code long} are
 * integers.
 * Every component is required, because {@code EventJson} reads with {@code FAIL_ON_MISSING_CREATOR_PROPERTIES}.
 */
final class SchemaCompatibility {

    private static final String ROOT = "(event)";

    private SchemaCompatibility() {
    }

    /** The violations, in a stable order; empty when the schema still describes the record. */
    static List<String> violations(Class<? extends Record> record, JsonNode schema) {
        List<String> found = new ArrayList<>();
        compare(ROOT, shapeOf(record), schema, schema, found);
        return found;
    }

    /** What a record, or one of its components, looks like as JSON. */
    sealed interface Shape {

        /** The JSON Schema {@code type}, with the {@code format} in parentheses when there is one. */
        String jsonType();
    }

    /** A string, number, integer or boolean; {@code values} lists an enum's constants. */
    record Scalar(String type, @Nullable String format, List<String> values) implements Shape {

        @Override
        public String jsonType() {
            return format == null ? type : type + " (" + format + ")";
        }
    }

    /** A {@code List}, written as a JSON array. */
    record ArrayOf(Shape items) implements Shape {

        @Override
        public String jsonType() {
            return "array";
        }
    }

    /** A record with components, written as an object with one property per component, all required. */
    record ObjectOf(Map<String, Shape> properties) implements Shape {

        ObjectOf {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        @Override
        public String jsonType() {
            return "object";
        }
    }

    private static Shape shapeOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return new ArrayOf(shapeOf(parameterized.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> javaClass)) {
            throw new IllegalArgumentException("no JSON shape known for " + type);
        }
        if (javaClass == int.class || javaClass == long.class
                || javaClass == Integer.class || javaClass == Long.class) {
            return new Scalar("integer", null, List.of());
        }
        if (javaClass == boolean.class || javaClass == Boolean.class) {
            return new Scalar("boolean", null, List.of());
        }
        if (javaClass == String.class || javaClass == BigDecimal.class) {
            return new Scalar("string", null, List.of());
        }
        if (javaClass == UUID.class) {
            return new Scalar("string", "uuid", List.of());
        }
        if (javaClass == Instant.class) {
            return new Scalar("string", "date-time", List.of());
        }
        if (javaClass.isEnum()) {
            return new Scalar("string", null,
                    Arrays.stream(javaClass.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList());
        }
        if (javaClass.isRecord()) {
            RecordComponent[] components = javaClass.getRecordComponents();
            if (hasJsonValue(javaClass)) {
                if (components.length != 1) {
                    throw new IllegalArgumentException("a @JsonValue record must wrap exactly one value: " + javaClass);
                }
                return shapeOf(components[0].getGenericType());
            }
            Map<String, Shape> properties = new LinkedHashMap<>();
            for (RecordComponent component : components) {
                properties.put(component.getName(), shapeOf(component.getGenericType()));
            }
            return new ObjectOf(properties);
        }
        throw new IllegalArgumentException("no JSON shape known for " + javaClass.getName()
                + "; teach SchemaCompatibility how EventJson writes it");
    }

    private static boolean hasJsonValue(Class<?> type) {
        return Arrays.stream(type.getMethods()).anyMatch(method -> method.isAnnotationPresent(JsonValue.class));
    }

    private static void compare(String path, Shape record, JsonNode root, JsonNode schemaNode, List<String> found) {
        JsonNode schema = EventSchemas.resolve(root, schemaNode);
        String schemaType = schemaTypeOf(schema);
        if (!schemaType.equals(record.jsonType())) {
            found.add(path + ": retyped: the schema says " + schemaType + ", the record has " + record.jsonType());
            return;
        }
        switch (record) {
            case ObjectOf object -> compareObject(path, object, root, schema, found);
            case ArrayOf array -> compare(path + "[]", array.items(), root, schema.path("items"), found);
            case Scalar scalar -> compareValues(path, scalar, schema, found);
        }
    }

    private static void compareObject(String path, ObjectOf record, JsonNode root, JsonNode schema,
            List<String> found) {
        JsonNode properties = schema.path("properties");
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Set<String> declared = new LinkedHashSet<>();
        properties.properties().forEach(property -> declared.add(property.getKey()));
        declared.addAll(required);

        for (String name : declared) {
            if (!record.properties().containsKey(name)) {
                found.add(child(path, name) + ": removed: the schema has it, the record does not");
            }
        }
        for (Map.Entry<String, Shape> component : record.properties().entrySet()) {
            String name = component.getKey();
            if (!properties.has(name)) {
                found.add(child(path, name) + ": added: the record requires it, the schema does not have it");
                continue;
            }
            if (!required.contains(name)) {
                found.add(child(path, name) + ": optional in the schema, but the record requires it");
            }
            compare(child(path, name), component.getValue(), root, properties.get(name), found);
        }
    }

    private static void compareValues(String path, Scalar record, JsonNode schema, List<String> found) {
        if (record.values().isEmpty()) {
            return;
        }
        List<String> allowed = new ArrayList<>();
        schema.path("enum").forEach(value -> allowed.add(value.asText()));
        if (allowed.isEmpty()) {
            found.add(path + ": the record allows only " + record.values() + ", the schema lists no enum");
            return;
        }
        for (String value : record.values()) {
            if (!allowed.contains(value)) {
                found.add(path + ": value " + value + " is in the record, not in the schema's enum");
            }
        }
        for (String value : allowed) {
            if (!record.values().contains(value)) {
                found.add(path + ": value " + value + " is in the schema's enum, no longer in the record");
            }
        }
    }

    private static String schemaTypeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        String name = type.isTextual() ? type.asText() : type.isMissingNode() ? "no type" : type.toString();
        return schema.hasNonNull("format") ? name + " (" + schema.get("format").asText() + ")" : name;
    }

    private static String child(String path, String name) {
        return path.equals(ROOT) ? name : path + "." + name;
    }
}
