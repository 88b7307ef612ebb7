package dev.eventshop.analytics.sales.persistence;

import dev.eventshop.analytics.sales.application.ReadModels;
import dev.eventshop.analytics.sales.domain.Cancellation;
import dev.eventshop.analytics.sales.domain.Confirmation;
import dev.eventshop.analytics.sales.domain.OrderFacts;
import dev.eventshop.analytics.sales.domain.ProductFacts;
import dev.eventshop.analytics.sales.domain.ProductUnits;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.CancellationReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Order facts in {@code order_fact} with their confirmed units in {@code confirmed_line}; products in {@code product}. */
@Repository
class JdbcReadModels implements ReadModels {

    private static final String ORDER_COLUMNS = """
            outcome, placed_at, stock_reserved_at, payment_completed_at, confirmed_at, confirmed_total, currency,
            cancelled_at, cancellation_reason, customer_notified_at, time_to_confirm_micros""";

    private final JdbcClient jdbc;

    JdbcReadModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertOrder(long generation, OrderFacts facts) {
        int inserted = jdbc.sql("INSERT INTO order_fact (generation, order_id, " + ORDER_COLUMNS + """
                ) VALUES (:generation, :orderId, :outcome, :placedAt, :stockReservedAt, :paymentCompletedAt,
                          :confirmedAt, :confirmedTotal, :currency, :cancelledAt, :cancellationReason,
                          :customerNotifiedAt, :timeToConfirmMicros)
                ON CONFLICT (generation, order_id) DO NOTHING
                """)
                .params(orderParameters(generation, facts))
                .update();
        if (inserted == 0) {
            return false;
        }
        insertLines(generation, facts);
        return true;
    }

    @Override
    public OrderFacts lockOrder(long generation, OrderId orderId) {
        // The row first: once it is locked, no other writer can change the order's lines until this one commits.
        Function<List<ProductUnits>, OrderFacts> locked = jdbc.sql("SELECT order_id, " + ORDER_COLUMNS + """
                 FROM order_fact WHERE generation = :generation AND order_id = :orderId FOR UPDATE
                """)
                .param("generation", generation)
                .param("orderId", orderId.value())
                .query(JdbcReadModels::orderFacts)
                .single();
        return locked.apply(jdbc.sql("""
                SELECT sku, units FROM confirmed_line WHERE generation = :generation AND order_id = :orderId
                ORDER BY sku
                """)
                .param("generation", generation)
                .param("orderId", orderId.value())
                .query((rs, row) -> new ProductUnits(new Sku(rs.getString("sku")), rs.getInt("units")))
                .list());
    }

    @Override
    public void updateOrder(long generation, OrderFacts facts) {
        jdbc.sql("""
                UPDATE order_fact
                SET outcome = :outcome, placed_at = :placedAt, stock_reserved_at = :stockReservedAt,
                    payment_completed_at = :paymentCompletedAt, confirmed_at = :confirmedAt,
                    confirmed_total = :confirmedTotal, currency = :currency, cancelled_at = :cancelledAt,
                    cancellation_reason = :cancellationReason, customer_notified_at = :customerNotifiedAt,
                    time_to_confirm_micros = :timeToConfirmMicros
                WHERE generation = :generation AND order_id = :orderId
                """)
                .params(orderParameters(generation, facts))
                .update();
        jdbc.sql("DELETE FROM confirmed_line WHERE generation = :generation AND order_id = :orderId")
                .param("generation", generation)
                .param("orderId", facts.orderId().value())
                .update();
        insertLines(generation, facts);
    }

    @Override
    public boolean insertProduct(long generation, ProductFacts facts) {
        return jdbc.sql("""
                INSERT INTO product (generation, sku, name, updated_at) VALUES (:generation, :sku, :name, :updatedAt)
                ON CONFLICT (generation, sku) DO NOTHING
                """)
                .params(productParameters(generation, facts))
                .update() == 1;
    }

    @Override
    public ProductFacts lockProduct(long generation, Sku sku) {
        return jdbc.sql("""
                SELECT sku, name, updated_at FROM product WHERE generation = :generation AND sku = :sku FOR UPDATE
                """)
                .param("generation", generation)
                .param("sku", sku.value())
                .query((rs, row) -> new ProductFacts(new Sku(rs.getString("sku")), rs.getString("name"),
                        instant(rs, "updated_at")))
                .single();
    }

    @Override
    public void updateProduct(long generation, ProductFacts facts) {
        jdbc.sql("UPDATE product SET name = :name, updated_at = :updatedAt WHERE generation = :generation AND sku = :sku")
                .params(productParameters(generation, facts))
                .update();
    }

    private void insertLines(long generation, OrderFacts facts) {
        if (facts.confirmation() == null) {
            return;
        }
        for (ProductUnits units : facts.confirmation().units()) {
            jdbc.sql("""
                    INSERT INTO confirmed_line (generation, order_id, sku, units)
                    VALUES (:generation, :orderId, :sku, :units)
                    """)
                    .param("generation", generation)
                    .param("orderId", facts.orderId().value())
                    .param("sku", units.sku().value())
                    .param("units", units.units())
                    .update();
        }
    }

    private static Map<String, @Nullable Object> orderParameters(long generation, OrderFacts facts) {
        Confirmation confirmation = facts.confirmation();
        Cancellation cancellation = facts.cancellation();
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("generation", generation);
        parameters.put("orderId", facts.orderId().value());
        parameters.put("outcome", facts.outcome().name());
        parameters.put("placedAt", utc(facts.placedAt()));
        parameters.put("stockReservedAt", utc(facts.stockReservedAt()));
        parameters.put("paymentCompletedAt", utc(facts.paymentCompletedAt()));
        parameters.put("confirmedAt", confirmation == null ? null : utc(confirmation.confirmedAt()));
        parameters.put("confirmedTotal", confirmation == null ? null : confirmation.total().amount());
        parameters.put("currency", confirmation == null ? null : confirmation.total().currency());
        parameters.put("cancelledAt", cancellation == null ? null : utc(cancellation.cancelledAt()));
        parameters.put("cancellationReason", cancellation == null ? null : cancellation.reason().name());
        parameters.put("customerNotifiedAt", utc(facts.customerNotifiedAt()));
        parameters.put("timeToConfirmMicros", facts.timeToConfirm().map(JdbcReadModels::micros).orElse(null));
        return parameters;
    }

    private static Map<String, Object> productParameters(long generation, ProductFacts facts) {
        return Map.of("generation", generation, "sku", facts.sku().value(), "name", facts.name(),
                "updatedAt", facts.updatedAt().atOffset(ZoneOffset.UTC));
    }

    /** An {@code order_fact} row, as facts once its confirmed units are known. */
    private static Function<List<ProductUnits>, OrderFacts> orderFacts(ResultSet rs, int row) throws SQLException {
        OrderId orderId = new OrderId(rs.getObject("order_id", UUID.class));
        @Nullable Instant placedAt = nullableInstant(rs, "placed_at");
        @Nullable Instant stockReservedAt = nullableInstant(rs, "stock_reserved_at");
        @Nullable Instant paymentCompletedAt = nullableInstant(rs, "payment_completed_at");
        @Nullable Instant confirmedAt = nullableInstant(rs, "confirmed_at");
        @Nullable Money confirmedTotal = confirmedAt == null ? null
                : new Money(rs.getBigDecimal("confirmed_total"), rs.getString("currency"));
        @Nullable Instant cancelledAt = nullableInstant(rs, "cancelled_at");
        @Nullable Cancellation cancellation = cancelledAt == null ? null
                : new Cancellation(cancelledAt, CancellationReason.valueOf(rs.getString("cancellation_reason")));
        @Nullable Instant customerNotifiedAt = nullableInstant(rs, "customer_notified_at");
        return units -> new OrderFacts(orderId, placedAt, stockReservedAt, paymentCompletedAt,
                confirmedAt == null || confirmedTotal == null ? null
                        : new Confirmation(confirmedAt, confirmedTotal, units),
                cancellation, customerNotifiedAt);
    }

    static long micros(Duration duration) {
        return Math.multiplyExact(duration.getSeconds(), 1_000_000L) + duration.getNano() / 1_000;
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
