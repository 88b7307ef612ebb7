package dev.eventshop.stack;

import java.util.List;

/** A component that is one {@link LocalServer}: its ports, its start and its stop are the server's. */
abstract class LocalServerComponent<S extends LocalServer> implements Component {

    protected final S server;

    LocalServerComponent(S server) {
        this.server = server;
    }

    @Override
    public List<Integer> ports() {
        return server.ports();
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }
}
