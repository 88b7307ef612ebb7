package dev.eventshop.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies a customer, for instance {@code alice}. */
public record CustomerId(String value) {

    @JsonCreator
    public CustomerId {
        Objects.requireNonNull(value, "customer id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
