package dev.eventshop.email.notification.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventshop.email.ReceivedEmail;
import dev.eventshop.email.notification.application.EmailProperties;
import dev.eventshop.email.notification.application.MailerException;
import dev.eventshop.email.notification.domain.CancellationReason;
import dev.eventshop.email.notification.domain.Email;
import dev.eventshop.email.notification.domain.EmailComposer;
import dev.eventshop.email.notification.domain.OrderOutcomeFixture;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How emails become MIME messages, and what each way of failing says about whether the customer may have the email.
 * The SMTP conversation itself is the integration tests' business, against a real server.
 */
class SmtpMailerTest {

    private static final EmailProperties PROPERTIES =
            new EmailProperties(EmailProperties.DEFAULT_ADDRESS_PATTERN, EmailProperties.DEFAULT_FROM);
    private static final Email EMAIL =
            EmailComposer.compose(OrderOutcomeFixture.confirmed(), "alice@customers.eventshop.test");

    @Test
    void names_jakarta_mails_stream_provider_so_that_no_mime_part_searches_the_class_path_for_it() {
        new SmtpMailer(new RecordingSender(message -> null), PROPERTIES);

        assertThat(System.getProperty(SmtpMailer.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }

    @Test
    void sends_one_message_with_a_plain_text_and_an_html_alternative() {
        RecordingSender sender = new RecordingSender(message -> null);

        new SmtpMailer(sender, PROPERTIES).send(EMAIL);

        assertThat(sender.sent).hasSize(1);
        ReceivedEmail received = ReceivedEmail.of(sender.sent.getFirst());
        assertThat(received.from()).isEqualTo("EventShop <orders@eventshop.test>");
        assertThat(received.to()).containsExactly("alice@customers.eventshop.test");
        assertThat(received.subject()).isEqualTo("Your order 1a2b3c4d is confirmed");
        assertThat(received.text()).isEqualTo(EMAIL.text());
        assertThat(received.html()).isEqualTo(EMAIL.html());
    }

    @Test
    void gives_every_copy_of_one_email_the_same_message_id() {
        RecordingSender sender = new RecordingSender(message -> null);
        SmtpMailer mailer = new SmtpMailer(sender, PROPERTIES);
        Email cancellation = EmailComposer.compose(OrderOutcomeFixture.cancelled(CancellationReason.OUT_OF_STOCK),
                EMAIL.to());

        mailer.send(EMAIL);
        mailer.send(EMAIL);
        mailer.send(cancellation);

        assertThat(sender.sent).extracting(message -> ReceivedEmail.of(message).messageId()).containsExactly(
                "<1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d.order-confirmed@eventshop.test>",
                "<1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d.order-confirmed@eventshop.test>",
                "<1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d.order-cancelled@eventshop.test>");
    }

    static Stream<Named<MessagingException>> connectionFailures() {
        return Stream.of(
                Named.of("refused", new MailConnectException(new SocketConnectException("Couldn't connect",
                        new ConnectException("Connection refused"), "localhost", 3025, 2000))),
                Named.of("no greeting from a server that hangs", new MessagingException(
                        "Exception reading response", new SocketTimeoutException("Read timed out"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionFailures")
    void an_smtp_server_never_connected_to_is_unavailable_and_certainly_did_not_get_the_email(
            MessagingException connectionFailure) {
        // JavaMailSenderImpl reports a failed connection as the cause and as every message's failure.
        MailerException failure = failureOn(new MailSendException("Mail server connection failed", connectionFailure,
                Map.of(new Object(), connectionFailure)));

        assertThat(failure.mayHaveBeenDelivered()).isFalse();
        assertThat(failure.serverUnavailable()).isTrue();
    }

    @Test
    void an_smtp_server_that_answers_with_an_error_certainly_did_not_take_the_email_and_blames_the_email() {
        SendFailedException refused = new SendFailedException("554 5.6.0 message refused");

        MailerException failure = failureOn(new MailSendException(Map.of(new Object(), refused)));

        assertThat(failure.mayHaveBeenDelivered()).isFalse();
        assertThat(failure.serverUnavailable()).isFalse();
    }

    @Test
    void an_smtp_server_closing_down_with_421_is_unavailable() {
        SMTPSendFailedException closing = new SMTPSendFailedException("DATA", 421,
                "421 4.3.2 Service not available, closing transmission channel", null, null, null, null);

        MailerException failure = failureOn(new MailSendException(Map.of(new Object(), closing)));

        assertThat(failure.mayHaveBeenDelivered()).isFalse();
        assertThat(failure.serverUnavailable()).isTrue();
    }

    @Test
    void an_smtp_server_that_refuses_the_login_is_unavailable_and_certainly_did_not_take_the_email() {
        MailerException failure = failureOn(new MailAuthenticationException("535 authentication failed"));

        assertThat(failure.mayHaveBeenDelivered()).isFalse();
        assertThat(failure.serverUnavailable()).isTrue();
    }

    @Test
    void a_connection_lost_midway_leaves_open_whether_the_customer_has_the_email() {
        MessagingException lost = new MessagingException("IOException while sending message",
                new SocketTimeoutException("Read timed out"));

        assertThat(failureOn(new MailSendException(Map.of(new Object(), lost))).mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void an_email_the_server_accepted_counts_as_sent_even_when_closing_the_connection_fails() {
        RecordingSender sender = new RecordingSender(message -> new MailSendException(
                "Failed to close server connection after message sending", new MessagingException("QUIT failed")));

        assertThatNoException().isThrownBy(() -> new SmtpMailer(sender, PROPERTIES).send(EMAIL));
    }

    @Test
    void refuses_a_sender_address_that_is_not_one() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SmtpMailer(new RecordingSender(message -> null),
                new EmailProperties(EmailProperties.DEFAULT_ADDRESS_PATTERN, "EventShop")))
                .withMessageContaining("eventshop.email.from");
    }

    private static MailerException failureOn(MailException exception) {
        SmtpMailer mailer = new SmtpMailer(new RecordingSender(message -> exception), PROPERTIES);
        return catchThrowableOfType(MailerException.class, () -> mailer.send(EMAIL));
    }

    /** Spring's sender up to the point where it would talk to a server: records what it would send, or fails. */
    private static final class RecordingSender extends JavaMailSenderImpl {

        private final Function<MimeMessage, @Nullable MailException> outcome;
        private final List<MimeMessage> sent = new ArrayList<>();

        RecordingSender(Function<MimeMessage, @Nullable MailException> outcome) {
            this.outcome = outcome;
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object @Nullable [] originals) {
            for (MimeMessage message : messages) {
                MailException failure = outcome.apply(message);
                if (failure != null) {
                    throw failure;
                }
                try {
                    // As the real thing does just before it talks to the server: headers final, Message-ID kept.
                    String messageId = message.getMessageID();
                    message.saveChanges();
                    message.setHeader("Message-ID", messageId);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
                sent.add(message);
            }
        }
    }
}
