package dev.eventshop.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Binds a stable, versioned wire name to the record that carries it, the topic it travels on and the service that
 * produces it. The wire name never changes once published: an incompatible change gets a new name ({@code .v2}).
 */
public record EventType(String name, Class<? extends IntegrationEvent> javaType, Topic topic, String source) {

    private static final Pattern NAME = Pattern.compile("dev\\.eventshop\\.[a-z]+\\.[a-z-]+\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type name must look like dev.eventshop.<area>.<fact>.v<n>: " + name);
        }
    }

    /** The version suffix of the name, {@code 1} for {@code ...v1}. */
    public int version() {
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2));
    }
}
