package dev.eventshop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in, on this machine's loopback interface, for the network Compose gives its containers: each Compose service
 * name resolves to a loopback address of its own (127.77.0.x), and on that address only the ports the container
 * listens on are open, each forwarded to the real server started for it. A service configured with the wrong host or
 * port therefore fails to connect here as it would in a container.
 *
 * <p>Service JVMs resolve the names through the hosts file this writes ({@link #jvmOption()}), in which
 * {@code localhost} and this machine's own name stay on 127.0.0.1.
 */
final class ComposeNetwork implements AutoCloseable {

    private final Map<String, InetAddress> addresses = new LinkedHashMap<>();
    private final Path hostsFile;
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    ComposeNetwork(Collection<String> hostNames, Path directory) {
        int next = 1;
        for (String name : hostNames.stream().sorted().toList()) {
            addresses.put(name, address(new byte[] {127, 77, 0, (byte) next++}));
        }
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost ").append(machineName()).append('\n')
                .append("::1 localhost\n");
        addresses.forEach((name, address) -> hosts.append(address.getHostAddress()).append(' ').append(name)
                .append('\n'));
        try {
            Files.createDirectories(directory);
            hostsFile = Files.writeString(directory.resolve("hosts"), hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The option that makes a JVM resolve host names through this network's hosts file, and nothing else. */
    String jvmOption() {
        return "-Djdk.net.hosts.file=" + hostsFile;
    }

    InetAddress addressOf(String host) {
        InetAddress address = addresses.get(host);
        if (address == null) {
            throw new IllegalArgumentException("no Compose service named " + host);
        }
        return address;
    }

    /**
     * Opens {@code host:port}, as the container named {@code host} listening on {@code port} would, and forwards every
     * connection to {@code targetPort} on 127.0.0.1.
     */
    void forward(String host, int port, int targetPort) {
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(addressOf(host), port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        listeners.add(listener);
        Thread.ofVirtual().name(host + ":" + port).start(() -> accept(listener, targetPort));
    }

    private void accept(ServerSocket listener, int targetPort) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(client);
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                connections.add(server);
                Thread.ofVirtual().start(() -> pipe(client, server));
                Thread.ofVirtual().start(() -> pipe(server, client));
            } catch (IOException e) {
                // The server behind is down: the client sees the connection closed, as with a container whose
                // server is down.
                close(client);
            }
        }
    }

    /** Copies one direction until it ends, then ends it on the other side too; on an error, closes both. */
    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            close(from);
            close(to);
        }
    }

    @Override
    public void close() {
        listeners.forEach(ComposeNetwork::close);
        connections.forEach(ComposeNetwork::close);
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed, or closing anyway.
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** This machine's name, which a service may look up for itself (as a container finds its own). */
    private static String machineName() {
        Path kernelHostname = Path.of("/proc/sys/kernel/hostname");
        try {
            return Files.isReadable(kernelHostname) ? Files.readString(kernelHostname).strip()
                    : InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
