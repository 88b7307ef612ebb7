package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpServerIT {

    /** Where this module's build puts the server's jar, before integration tests run. */
    private static final Path JAR = Path.of("target/smtp/greenmail-standalone.jar");

    @TempDir
    Path dataDir;
    private SmtpServer smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mail_sent_over_smtp_can_be_read_back_through_the_api_and_stop_leaves_no_process() throws Exception {
        smtp = new SmtpServer(JAR, dataDir, 0, 0);
        smtp.start();
        // GreenMail keeps every email in memory: a full heap must end the process, for the supervisor to restart it.
        assertThat(smtp.process().orElseThrow().info().arguments().orElseThrow())
                .contains("-XX:+ExitOnOutOfMemoryError");

        send(smtp.smtpPort(), "shop@eventshop.test", "alice@customers.eventshop.test", "Your order is confirmed");
        HttpResponse<String> inbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(smtp.apiUrl() + "/api/user/alice@customers.eventshop.test/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        smtp.stop();

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"subject\":\"Your order is confirmed\"");
        assertThat(smtp.isRunning()).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !Watchdog.isWatchdog(process))).isEmpty();
    }

    /** The few lines of SMTP a client speaks, so the test needs no mail library. */
    private static void send(int port, String from, String to, String subject) throws Exception {
        try (Socket socket = new Socket("localhost", port);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            expect(in, "220");
            command(out, in, "HELO test", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "Subject: " + subject + "\r\n\r\nThank you.\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(PrintWriter out, BufferedReader in, String line, String expectedCode)
            throws Exception {
        out.print(line + "\r\n");
        out.flush();
        expect(in, expectedCode);
    }

    /** Reads one reply, which may span lines ({@code 250-...} continues, {@code 250 ...} ends it). */
    private static void expect(BufferedReader in, String code) throws Exception {
        String reply = in.readLine();
        while (reply != null && reply.length() > 3 && reply.charAt(3) == '-') {
            reply = in.readLine();
        }
        assertThat(reply).startsWith(code);
    }
}
