package dev.eventshop.messaging.outbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * The outbox for operators, at {@code /actuator/outbox}: {@code GET} lists the parked rows, {@code POST
 * /actuator/outbox/{id}} releases one after its cause was fixed. An actuator endpoint rather than a service's REST
 * API: it is an operation on the library's table, lives on the management port and under its access rules, and every
 * service that uses the library gets it without a web dependency in the library.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private static final MimeType PROBLEM = MimeType.valueOf("application/problem+json");

    private final ParkedRows parking;

    public OutboxEndpoint(ParkedRows parking) {
        this.parking = parking;
    }

    @ReadOperation
    public Parked parked() {
        return new Parked(parking.count(), parking.list());
    }

    @WriteOperation
    public WebEndpointResponse<Object> release(@Selector long id) {
        if (!parking.release(id)) {
            return new WebEndpointResponse<>(Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                    "detail", "No parked outbox row has id " + id), WebEndpointResponse.STATUS_NOT_FOUND, PROBLEM);
        }
        return new WebEndpointResponse<>(new Released(id), WebEndpointResponse.STATUS_OK);
    }

    /** How many rows are parked, and the oldest of them. */
    public record Parked(long count, List<ParkedRows.ParkedRow> rows) {
    }

    /** A row put back in line; the relay sends it next. */
    public record Released(long released) {
    }
}
