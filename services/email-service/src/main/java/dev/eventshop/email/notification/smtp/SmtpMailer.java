package dev.eventshop.email.notification.smtp;

import dev.eventshop.email.notification.application.EmailProperties;
import dev.eventshop.email.notification.application.Mailer;
import dev.eventshop.email.notification.application.MailerException;
import dev.eventshop.email.notification.domain.Email;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends each email as one MIME message with a plain-text and an HTML alternative, and tells failures that prove the
 * SMTP server did not take the email (it could not be reached, refused the login, or answered with an error) from the
 * ones that prove nothing (the connection broke in the middle), and a server that is unavailable (no connection or no
 * greeting, a refused login, {@code 421}) from one that rejected this email. Every email about one order and kind has
 * the same {@code Message-ID}, so that mail clients can recognise a second copy for what it is.
 */
@Component
class SmtpMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
    private static final int SERVICE_NOT_AVAILABLE = 421;
    /** The system property by which Jakarta Mail finds its stream provider before it asks a {@code ServiceLoader}. */
    static final String STREAM_PROVIDER = StreamProvider.class.getName();

    static {
        // Jakarta Mail looks its stream provider up for every MIME part it creates or writes, with a fresh
        // ServiceLoader that reads the class path each time (jakarta.mail-api issue 861, open): 37 % of the
        // email-service's CPU time in a profile at 20 orders a second (docs/benchmarks.md). Named, it is found at once.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpMailer(JavaMailSender sender, EmailProperties properties) {
        this.sender = sender;
        this.from = parse(properties.from());
    }

    private static InternetAddress parse(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", from);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("eventshop.email.from is not an email address: " + from, e);
        }
    }

    @Override
    public void send(Email email) {
        MimeMessage message = message(email);
        try {
            sender.send(message);
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                // JavaMailSenderImpl reports this when the message went out and only the QUIT afterwards failed.
                log.warn("The SMTP server accepted the email; closing the connection afterwards failed: {}",
                        e.getMessage());
                return;
            }
            Exception cause = e.getFailedMessages().values().iterator().next();
            if (neverConnected(e) || serverUnavailable(cause)) {
                throw MailerException.serverUnavailable("the SMTP server is unavailable: " + describe(cause), e);
            }
            throw certainlyNotDelivered(cause)
                    ? MailerException.notDelivered("the SMTP server did not take the email: " + describe(cause), e)
                    : MailerException.outcomeUnknown("sending the email failed midway: " + describe(cause), e);
        } catch (MailAuthenticationException e) {
            // Wrong credentials turn every email away until someone fixes them; no email of its own is at fault.
            throw MailerException.serverUnavailable("the SMTP server refused the login: " + describe(e), e);
        } catch (MailException e) {
            throw MailerException.outcomeUnknown("sending the email failed: " + describe(e), e);
        }
    }

    /** One line: Jakarta Mail spreads its messages over several, with the nested exceptions in them. */
    private static String describe(Exception failure) {
        String message = String.valueOf(failure.getMessage()).lines().findFirst().orElse("").strip();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? message : message + " (" + root + ")";
    }

    /**
     * Whether the connection to the server failed, before any email was handed over (refused, timed out, no greeting
     * from a server that hangs): {@link org.springframework.mail.javamail.JavaMailSenderImpl} then reports that one
     * failure as both the cause and every message's failure.
     */
    private static boolean neverConnected(MailSendException failure) {
        Throwable cause = failure.getCause();
        return cause != null && failure.getFailedMessages().values().stream().anyMatch(each -> each == cause);
    }

    /**
     * Whether the server, not this email, is why it failed once connected: it answered 421, SMTP's "service not
     * available, closing transmission channel" (a server shutting down or out of resources). A server never reached
     * is {@link #neverConnected}.
     */
    private static boolean serverUnavailable(Exception failure) {
        return switch (failure) {
            case SMTPSendFailedException refused -> refused.getReturnCode() == SERVICE_NOT_AVAILABLE;
            case SMTPSenderFailedException refused -> refused.getReturnCode() == SERVICE_NOT_AVAILABLE;
            default -> false;
        };
    }

    /** Whether a failure once connected happened before the SMTP server could have accepted the message. */
    private static boolean certainlyNotDelivered(Exception failure) {
        return switch (failure) {
            // The server answered with an error code; on a rejected DATA, every address counts as unsent.
            case SendFailedException refused -> refused.getValidSentAddresses() == null
                    || refused.getValidSentAddresses().length == 0;
            default -> false;
        };
    }

    private MimeMessage message(Email email) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            // JavaMailSenderImpl keeps a Message-ID that is set before sending instead of generating one.
            message.setHeader("Message-ID", messageId(email));
        } catch (MessagingException e) {
            throw MailerException.notDelivered("the email could not be composed: " + e.getMessage(), e);
        }
        return message;
    }

    /** {@code <3f2c1a9e-...-1c2d3e4f5a6b.order-confirmed@eventshop.test>}: one per order and kind. */
    String messageId(Email email) {
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        return "<" + email.orderId() + "." + email.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "@"
                + domain + ">";
    }
}
