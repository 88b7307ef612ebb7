package dev.eventshop.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A stock keeping unit, for instance {@code KB-001}: identifies a product. */
public record Sku(String value) {

    @JsonCreator
    public Sku {
        Objects.requireNonNull(value, "sku");
        if (value.isBlank()) {
            throw new IllegalArgumentException("sku must not be blank");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
