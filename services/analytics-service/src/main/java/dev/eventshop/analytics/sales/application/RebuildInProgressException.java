package dev.eventshop.analytics.sales.application;

/** Another rebuild, of this process or another replica, is running: there is only ever one at a time. */
public class RebuildInProgressException extends RuntimeException {

    public RebuildInProgressException() {
        super("a rebuild of the read models is already running");
    }
}
