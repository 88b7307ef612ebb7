package dev.eventshop.inventory.stock.persistence;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.application.ReservationRepository;
import dev.eventshop.inventory.stock.domain.Reservation;
import dev.eventshop.inventory.stock.domain.ReservationStatus;
import dev.eventshop.inventory.stock.domain.StockItem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reservations in {@code reservation}, their items in {@code reservation_line}. */
@Repository
class JdbcReservationRepository implements ReservationRepository {

    /**
     * The first key of the order locks, a key space of their own: PostgreSQL keeps two-key advisory locks apart from
     * one-key ones such as the outbox relay's. ("INVR" in ASCII.)
     */
    static final int ORDER_LOCKS = 0x494E5652;

    private final JdbcClient jdbc;

    JdbcReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockOrder(OrderId orderId) {
        // An advisory lock, because the order may have no row to lock yet. Two orders whose ids hash alike only wait
        // for each other a little. The function returns void; the cast gives JDBC a value to read.
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, :key)::text")
                .param("space", ORDER_LOCKS)
                .param("key", orderId.value().hashCode())
                .query(String.class)
                .single();
    }

    @Override
    public Optional<Reservation> find(OrderId orderId) {
        return jdbc.sql("SELECT customer_id, status, updated_at FROM reservation WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .query((rs, row) -> new Header(new CustomerId(rs.getString("customer_id")),
                        ReservationStatus.valueOf(rs.getString("status")),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional()
                .map(header -> Reservation.restore(orderId, header.customerId(), header.status(), items(orderId),
                        header.updatedAt()));
    }

    private List<StockItem> items(OrderId orderId) {
        return jdbc.sql("SELECT sku, quantity FROM reservation_line WHERE order_id = :orderId ORDER BY sku")
                .param("orderId", orderId.value())
                .query((rs, row) -> new StockItem(new Sku(rs.getString("sku")), rs.getInt("quantity")))
                .list();
    }

    @Override
    public void insert(Reservation reservation) {
        jdbc.sql("""
                INSERT INTO reservation (order_id, customer_id, status, updated_at)
                VALUES (:orderId, :customerId, :status, :updatedAt)
                """)
                .param("orderId", reservation.orderId().value())
                .param("customerId", reservation.customerId().value())
                .param("status", reservation.status().name())
                .param("updatedAt", reservation.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
        insertItems(reservation);
    }

    @Override
    public void update(Reservation reservation) {
        jdbc.sql("UPDATE reservation SET status = :status, updated_at = :updatedAt WHERE order_id = :orderId")
                .param("orderId", reservation.orderId().value())
                .param("status", reservation.status().name())
                .param("updatedAt", reservation.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
        // Items never change once known; a withdrawal learns them when its order arrives.
        insertItems(reservation);
    }

    private void insertItems(Reservation reservation) {
        for (StockItem item : reservation.items()) {
            jdbc.sql("""
                    INSERT INTO reservation_line (order_id, sku, quantity) VALUES (:orderId, :sku, :quantity)
                    ON CONFLICT (order_id, sku) DO NOTHING
                    """)
                    .param("orderId", reservation.orderId().value())
                    .param("sku", item.sku().value())
                    .param("quantity", item.quantity())
                    .update();
        }
    }

    /** A {@code reservation} row. */
    private record Header(CustomerId customerId, ReservationStatus status, Instant updatedAt) {
    }
}
