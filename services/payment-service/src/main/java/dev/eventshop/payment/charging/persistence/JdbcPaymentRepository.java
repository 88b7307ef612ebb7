package dev.eventshop.payment.charging.persistence;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.charging.application.PaymentRepository;
import dev.eventshop.payment.charging.domain.DeclineReason;
import dev.eventshop.payment.charging.domain.Payment;
import dev.eventshop.payment.charging.domain.PaymentStatus;
import dev.eventshop.payment.charging.domain.Refund;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments in {@code payment} and their refunds in {@code refund}, whose primary keys, the order id, allow one of each
 * per order.
 */
@Repository
class JdbcPaymentRepository implements PaymentRepository {

    private final JdbcClient jdbc;

    JdbcPaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(Payment payment) {
        // ON CONFLICT waits for a concurrent insert of the same order to end, then does nothing if it committed.
        return jdbc.sql("""
                INSERT INTO payment (order_id, customer_id, amount, currency, status, reason, created_at)
                VALUES (:orderId, :customerId, :amount, :currency, :status, :reason, :createdAt)
                ON CONFLICT (order_id) DO NOTHING
                """)
                .param("orderId", payment.orderId().value())
                .param("customerId", payment.customerId().value())
                .param("amount", payment.amount().amount())
                .param("currency", payment.amount().currency())
                .param("status", payment.status().name())
                .param("reason", payment.reason() == null ? null : payment.reason().name())
                .param("createdAt", payment.createdAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    @Override
    public Optional<Payment> find(OrderId orderId) {
        return jdbc.sql("""
                SELECT order_id, customer_id, amount, currency, status, reason, created_at FROM payment
                WHERE order_id = :orderId
                """)
                .param("orderId", orderId.value())
                .query(JdbcPaymentRepository::payment)
                .optional();
    }

    @Override
    public boolean insertRefundIfAbsent(Refund refund) {
        return jdbc.sql("""
                INSERT INTO refund (order_id, customer_id, amount, currency, refunded_at)
                VALUES (:orderId, :customerId, :amount, :currency, :refundedAt)
                ON CONFLICT (order_id) DO NOTHING
                """)
                .param("orderId", refund.orderId().value())
                .param("customerId", refund.customerId().value())
                .param("amount", refund.amount().amount())
                .param("currency", refund.amount().currency())
                .param("refundedAt", refund.refundedAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return new Payment(new OrderId(rs.getObject("order_id", UUID.class)),
                new CustomerId(rs.getString("customer_id")),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                PaymentStatus.valueOf(rs.getString("status")),
                reason == null ? null : DeclineReason.valueOf(reason),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
