package dev.eventshop.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An email as a mail client reads it, parsed back from its MIME message: the headers a person sees, and the body
 * parts by content type ({@code text/plain}, {@code text/html}).
 */
public record ReceivedEmail(String messageId, String from, List<String> to, String subject, String contentType,
        Map<String, String> parts) {

    public static ReceivedEmail of(MimeMessage message) {
        try {
            Map<String, String> parts = new LinkedHashMap<>();
            collect(message, parts);
            return new ReceivedEmail(message.getMessageID(), message.getFrom()[0].toString(),
                    Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .map(address -> ((InternetAddress) address).getAddress()).toList(),
                    message.getSubject(), message.getContentType(), parts);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read " + message, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return parts.getOrDefault("text/plain", "");
    }

    public String html() {
        return parts.getOrDefault("text/html", "");
    }

    private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", normalised((String) part.getContent()));
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", normalised((String) part.getContent()));
        }
    }

    /** Line ends as written, whatever the transfer encoding made of them. */
    private static String normalised(String content) {
        return content.replace("\r\n", "\n");
    }
}
