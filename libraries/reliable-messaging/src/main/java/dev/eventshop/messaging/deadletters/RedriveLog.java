package dev.eventshop.messaging.deadletters;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The record of every redrive, kept by the service. */
public interface RedriveLog {

    /** Runs the work while no other redrive of the same dead letter runs, in this replica or any other. */
    <T> T exclusively(DeadLetterId id, Supplier<T> work);

    /** The last successful redrive of a dead letter. */
    Optional<Redrive> lastRedriven(DeadLetterId id);

    /** The last successful redrive of every dead letter redriven. */
    Map<DeadLetterId, Redrive> allRedriven();

    void record(Redrive redrive);
}
