package dev.eventshop.stack;

import java.util.List;
import java.util.Map;

/**
 * One part of the local stack as the launcher sees it: the ports it needs, how it starts and stops, what it gives
 * the services and what the user is told about it. A new part (an SMTP server, a trace UI) is one more of these.
 */
interface Component {

    /** For messages: {@code Kafka}, {@code order-service}. */
    String name();

    /** The local ports it listens on, checked before anything starts. */
    List<Integer> ports();

    /** Starts it and returns once the components after it may start. */
    void start();

    /** Whether it serves once {@link #start()} returns; if not, {@link #awaitReady()} waits for it. */
    default boolean readyOnceStarted() {
        return true;
    }

    /** Waits until it serves, for components whose {@link #start()} returns early so that several start at once. */
    default void awaitReady() {
    }

    /** Stops it if it runs; safe to call at any time, from any thread, more than once. */
    void stop();

    /** Whether it runs: started, not stopped, and not exited on its own; a paused process still runs. */
    boolean isRunning();

    /** Environment variables every service gets from this component, such as where to send mail. */
    default Map<String, String> serviceEnvironment() {
        return Map.of();
    }

    /** Lines for the banner printed once everything is up; see {@link Banner#row}. */
    List<String> bannerLines();
}
