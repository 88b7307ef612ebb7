package dev.eventshop.payment;

import dev.eventshop.testsupport.Infrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Starts the payment-service for a local try, against a real Kafka broker and PostgreSQL of its own (embedded, or
 * containers where Docker runs): {@code ./mvnw -pl payment-service spring-boot:test-run}, then
 * {@code curl localhost:8083/accounts/alice} or {@code curl -i -H 'Content-Type: application/json' -d '{"amount":
 * "100.00"}' localhost:8083/accounts/carol/deposits}. No other service runs, so nothing asks for a payment.
 */
public class TestPaymentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentServiceApplication.class, Infrastructure.get().commandLine("payments", args));
    }
}
