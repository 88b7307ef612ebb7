package dev.eventshop.stack;

import java.util.Optional;

/** A {@link LocalServer} that is one child JVM of the launcher: stopping it and asking whether it runs are the child's. */
abstract class ChildProcessServer implements LocalServer {

    protected final ChildProcess child;

    ChildProcessServer(ChildProcess child) {
        this.child = child;
    }

    /** Stops the server; what it held in memory is gone. Idempotent. */
    @Override
    public final void stop() {
        child.stop();
    }

    @Override
    public final boolean isRunning() {
        return child.isRunning();
    }

    /**
     * The running process, for a test that makes it fail: a SIGKILL ({@link ProcessHandle#destroyForcibly()}), a
     * SIGSTOP. Empty when it does not run.
     */
    public final Optional<ProcessHandle> process() {
        return child.handle();
    }
}
