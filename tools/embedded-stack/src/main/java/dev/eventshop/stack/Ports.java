package dev.eventshop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finding free TCP ports and telling whether one is taken, before a process fails on it with a less clear error. */
public final class Ports {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
    private static final int ATTEMPTS = 1_000;

    /** Every port {@link #findFree} returned in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port that was free a moment ago, for a server about to bind it, and never one returned before in this JVM: the
     * kernel may hand a port out again as soon as the probe closes it, before the first server it was meant for binds
     * it. Two services of one benchmark run were once given the same port; the second failed to start, and the first
     * answered the second's readiness probe.
     */
    public static int findFree() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = anyFree();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port that was not handed out before, in " + ATTEMPTS + " tries");
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free TCP port", e);
        }
    }

    /**
     * Whether something listens on the port or holds it, on any local address: binding the wildcard address fails
     * then on Linux, and on systems where it does not, a connection to the loopback address still succeeds.
     */
    public static boolean isInUse(int port) {
        return !canBind(port) || acceptsConnections("localhost", port);
    }

    static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers we start: a port whose old connections linger in TIME_WAIT is free for them.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
