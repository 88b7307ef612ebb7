package dev.eventshop.order.lifecycle.persistence;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.order.lifecycle.application.OrderRepository;
import dev.eventshop.order.lifecycle.domain.CancellationReason;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.order.lifecycle.domain.OrderLine;
import dev.eventshop.order.lifecycle.domain.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in {@code orders} and their lines in {@code order_line}. */
@Repository
class JdbcOrderRepository implements OrderRepository {

    private static final String SELECT_ORDERS = """
            SELECT id, customer_id, status, cancellation_reason, currency, created_at, updated_at FROM orders
            """;

    private final JdbcClient jdbc;

    JdbcOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Order order) {
        jdbc.sql("""
                INSERT INTO orders (id, customer_id, status, cancellation_reason, total, currency, created_at,
                                    updated_at)
                VALUES (:id, :customerId, :status, :reason, :total, :currency, :createdAt, :updatedAt)
                """)
                .param("id", order.id().value())
                .param("customerId", order.customerId().value())
                .param("status", order.status().name())
                .param("reason", order.cancellationReason().map(Enum::name).orElse(null))
                .param("total", order.total().amount())
                .param("currency", order.total().currency())
                .param("createdAt", utc(order.createdAt()))
                .param("updatedAt", utc(order.updatedAt()))
                .update();
        int lineNo = 0;
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                    INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
                    VALUES (:orderId, :lineNo, :sku, :quantity, :unitPrice)
                    """)
                    .param("orderId", order.id().value())
                    .param("lineNo", ++lineNo)
                    .param("sku", line.sku().value())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice().amount())
                    .update();
        }
    }

    @Override
    public void update(Order order) {
        jdbc.sql("""
                UPDATE orders SET status = :status, cancellation_reason = :reason, updated_at = :updatedAt
                WHERE id = :id
                """)
                .param("id", order.id().value())
                .param("status", order.status().name())
                .param("reason", order.cancellationReason().map(Enum::name).orElse(null))
                .param("updatedAt", utc(order.updatedAt()))
                .update();
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return withLines(jdbc.sql(SELECT_ORDERS + " WHERE id = :id")
                .param("id", id.value())
                .query(JdbcOrderRepository::header)
                .list()).stream().findFirst();
    }

    @Override
    public Optional<Order> findForUpdate(OrderId id) {
        return withLines(jdbc.sql(SELECT_ORDERS + " WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(JdbcOrderRepository::header)
                .list()).stream().findFirst();
    }

    @Override
    public List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit) {
        // The partial index of pending orders serves the filter and the order; SKIP LOCKED lets several replicas
        // check at once, each taking other orders.
        return withLines(jdbc.sql(SELECT_ORDERS + """
                 WHERE status = 'PENDING' AND created_at < :placedBefore
                ORDER BY created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("placedBefore", utc(placedBefore))
                .param("limit", limit)
                .query(JdbcOrderRepository::header)
                .list());
    }

    @Override
    public List<Order> findByCustomer(CustomerId customerId, int offset, int limit) {
        return withLines(jdbc.sql(SELECT_ORDERS + """
                 WHERE customer_id = :customerId
                ORDER BY created_at DESC, id DESC
                OFFSET :offset LIMIT :limit
                """)
                .param("customerId", customerId.value())
                .param("offset", offset)
                .param("limit", limit)
                .query(JdbcOrderRepository::header)
                .list());
    }

    @Override
    public long countByCustomer(CustomerId customerId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :customerId")
                .param("customerId", customerId.value())
                .query(Long.class)
                .single();
    }

    /** Loads the lines of the given orders with one query and builds the aggregates, in the given order. */
    private List<Order> withLines(List<Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
        Map<UUID, String> currencies = new LinkedHashMap<>();
        for (Header header : headers) {
            lines.put(header.id(), new ArrayList<>());
            currencies.put(header.id(), header.currency());
        }
        jdbc.sql("""
                SELECT order_id, sku, quantity, unit_price FROM order_line
                WHERE order_id IN (:ids) ORDER BY order_id, line_no
                """)
                .param("ids", List.copyOf(lines.keySet()))
                .query((ResultSet rs) -> {
                    UUID orderId = rs.getObject("order_id", UUID.class);
                    // every line belongs to one of the headers read above
                    Objects.requireNonNull(lines.get(orderId)).add(new OrderLine(new Sku(rs.getString("sku")),
                            rs.getInt("quantity"), new Money(rs.getBigDecimal("unit_price"),
                                    Objects.requireNonNull(currencies.get(orderId)))));
                });
        return headers.stream()
                .map(header -> Order.restore(new OrderId(header.id()), header.customerId(),
                        Objects.requireNonNull(lines.get(header.id())),
                        header.status(), header.cancellationReason(), header.createdAt(), header.updatedAt()))
                .toList();
    }

    private static Header header(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("cancellation_reason");
        return new Header(rs.getObject("id", UUID.class), new CustomerId(rs.getString("customer_id")),
                OrderStatus.valueOf(rs.getString("status")), reason == null ? null : CancellationReason.valueOf(reason),
                rs.getString("currency"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An {@code orders} row. */
    private record Header(UUID id, CustomerId customerId, OrderStatus status,
            @Nullable CancellationReason cancellationReason, String currency, Instant createdAt, Instant updatedAt) {
    }
}
