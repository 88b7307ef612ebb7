package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.OrderId;
import java.util.List;

/** The events of each order's saga, as this service emitted and received them. */
public interface OrderTimeline {

    /** Adds an entry in the caller's transaction; an entry whose event id is already there is not added again. */
    void record(OrderId orderId, TimelineEntry entry);

    /** The order's entries, oldest first. */
    List<TimelineEntry> of(OrderId orderId);
}
