package dev.eventshop.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.eventshop.events.OrderId;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a port that was free, which tests stop and start again to play
 * an outage: while it is stopped, connections to its port are refused. It keeps every message it received across
 * restarts (GreenMail itself starts each run with an empty store) and accepts mail for any address.
 */
public final class TestSmtpServer {

    public static final String HOST = "127.0.0.1";

    private final int port;
    private final GreenMail greenMail;
    private final List<MimeMessage> receivedBeforeRestarts = new ArrayList<>();

    private TestSmtpServer(int port) {
        this.port = port;
        this.greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
    }

    /** A running server on a free port. */
    public static TestSmtpServer startOnFreePort() {
        TestSmtpServer server = new TestSmtpServer(freePort());
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
    }

    /** Stops listening: from now on, connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (greenMail.isRunning()) {
            receivedBeforeRestarts.addAll(Arrays.asList(greenMail.getReceivedMessages()));
            greenMail.stop();
        }
    }

    /** Every message received so far, as a mail client reads it. */
    public synchronized List<ReceivedEmail> received() {
        Stream<MimeMessage> current = greenMail.isRunning() ? Arrays.stream(greenMail.getReceivedMessages())
                : Stream.empty();
        return Stream.concat(receivedBeforeRestarts.stream(), current).map(ReceivedEmail::of).toList();
    }

    /** The messages about one order, recognised by the order id in their {@code Message-ID}. */
    public List<ReceivedEmail> receivedAbout(OrderId orderId) {
        return received().stream().filter(email -> email.messageId().contains(orderId.toString())).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the SMTP server", e);
        }
    }
}
