package dev.eventshop.email;

import dev.eventshop.testsupport.Infrastructure;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * Starts the email-service for a local try, against a real Kafka broker and PostgreSQL of its own (embedded, or
 * containers where Docker runs) and a real SMTP server in this JVM: {@code ./mvnw -pl email-service
 * spring-boot:test-run}. Publish an {@code OrderConfirmed} to {@code order-events} and watch the log; {@code curl
 * 'localhost:8084/emails?orderId=...'} lists what was sent.
 */
public class TestEmailServiceApplication {

    public static void main(String[] args) {
        TestSmtpServer smtp = TestSmtpServer.startOnFreePort();
        String[] withSmtp = Stream.concat(Stream.of("--spring.mail.host=" + TestSmtpServer.HOST,
                "--spring.mail.port=" + smtp.port()), Stream.of(args)).toArray(String[]::new);
        SpringApplication.run(EmailServiceApplication.class, Infrastructure.get().commandLine("emails", withSmtp));
    }
}
