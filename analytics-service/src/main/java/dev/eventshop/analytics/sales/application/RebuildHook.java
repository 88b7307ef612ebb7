package dev.eventshop.analytics.sales.application;

/**
 * Called by a rebuild at the one moment it is worth watching: the replay has reached the ends it captured, and the
 * switch is next. Until then the live consumer writes every new event to both generations. No implementation runs in
 * production; tests use one to publish events right then.
 */
public interface RebuildHook {

    void beforeSwitch(long generation);
}
