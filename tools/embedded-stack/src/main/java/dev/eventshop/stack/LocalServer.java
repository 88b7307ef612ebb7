package dev.eventshop.stack;

import java.util.List;

/** A server the local stack runs on ports of this machine: PostgreSQL, the SMTP server, Zipkin. */
interface LocalServer {

    /** Every port it listens on, checked before anything starts. */
    List<Integer> ports();

    /** Starts it; see each server for when it returns. */
    void start();

    /** Stops it if it runs; safe to call at any time, more than once. */
    void stop();

    /** Whether it runs: started, not stopped, and its process has not exited on its own. */
    boolean isRunning();
}
