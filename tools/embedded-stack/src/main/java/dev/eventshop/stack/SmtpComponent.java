package dev.eventshop.stack;

import java.util.List;
import java.util.Map;

/** The local stack's SMTP server: where the email-service sends, and where a person reads what it sent. */
final class SmtpComponent extends LocalServerComponent<SmtpServer> {

    SmtpComponent(SmtpServer server) {
        super(server);
    }

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public Map<String, String> serviceEnvironment() {
        return Map.of("SPRING_MAIL_HOST", "localhost", "SPRING_MAIL_PORT", Integer.toString(server.smtpPort()));
    }

    @Override
    public List<String> bannerLines() {
        return List.of(
                Banner.row("SMTP", "localhost:" + server.smtpPort() + " (accepts mail for any address)"),
                Banner.row("Inbox", server.apiUrl() + "/api/user/alice@customers.eventshop.test/messages/INBOX"),
                Banner.row("", "API explorer " + server.apiUrl() + "/"));
    }
}
