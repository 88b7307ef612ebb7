package dev.eventshop.analytics.sales.persistence;

import dev.eventshop.analytics.sales.application.SalesFigures;
import dev.eventshop.analytics.sales.domain.OrderCounts;
import dev.eventshop.analytics.sales.domain.Percentile;
import dev.eventshop.analytics.sales.domain.ProductSales;
import dev.eventshop.analytics.sales.domain.SagaSteps;
import dev.eventshop.analytics.sales.domain.TimeToConfirm;
import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.CancellationReason;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures, aggregated by PostgreSQL over one generation of {@code order_fact}, {@code confirmed_line} and
 * {@code product}. Percentiles are read at the ranks {@link Percentile} defines, so their definition lives in one place.
 */
@Repository
class JdbcSalesFigures implements SalesFigures {

    private final JdbcClient jdbc;

    JdbcSalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OrderCounts orderCounts(long generation) {
        Map<CancellationReason, Long> cancelled = new EnumMap<>(CancellationReason.class);
        jdbc.sql("""
                SELECT cancellation_reason, count(*) AS orders FROM order_fact
                WHERE generation = :generation AND outcome = 'CANCELLED'
                GROUP BY cancellation_reason
                """)
                .param("generation", generation)
                .query((ResultSet rs) -> {
                    cancelled.put(CancellationReason.valueOf(rs.getString("cancellation_reason")),
                            rs.getLong("orders"));
                });
        return jdbc.sql("""
                SELECT count(*) AS placed,
                       count(*) FILTER (WHERE outcome = 'CONFIRMED') AS confirmed,
                       count(*) FILTER (WHERE outcome = 'PENDING') AS pending
                FROM order_fact WHERE generation = :generation
                """)
                .param("generation", generation)
                .query((rs, row) -> new OrderCounts(rs.getLong("placed"), rs.getLong("confirmed"),
                        rs.getLong("pending"), cancelled))
                .single();
    }

    @Override
    public SagaSteps sagaSteps(long generation) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE stock_reserved_at IS NOT NULL) AS stock_reserved,
                       count(*) FILTER (WHERE payment_completed_at IS NOT NULL) AS payment_completed,
                       count(*) FILTER (WHERE customer_notified_at IS NOT NULL) AS customer_notified
                FROM order_fact WHERE generation = :generation
                """)
                .param("generation", generation)
                .query((rs, row) -> new SagaSteps(rs.getLong("stock_reserved"), rs.getLong("payment_completed"),
                        rs.getLong("customer_notified")))
                .single();
    }

    @Override
    public List<Money> revenue(long generation) {
        return jdbc.sql("""
                SELECT currency, sum(confirmed_total) AS amount FROM order_fact
                WHERE generation = :generation AND outcome = 'CONFIRMED'
                GROUP BY currency ORDER BY currency
                """)
                .param("generation", generation)
                .query((rs, row) -> new Money(rs.getBigDecimal("amount"), rs.getString("currency")))
                .list();
    }

    @Override
    public List<ProductSales> topProducts(long generation, int limit) {
        return jdbc.sql("""
                SELECT line.sku, product.name, sum(line.units) AS units
                FROM confirmed_line line
                JOIN order_fact fact ON fact.generation = line.generation AND fact.order_id = line.order_id
                LEFT JOIN product ON product.generation = line.generation AND product.sku = line.sku
                WHERE line.generation = :generation AND fact.outcome = 'CONFIRMED'
                GROUP BY line.sku, product.name
                ORDER BY units DESC, line.sku
                LIMIT :limit
                """)
                .param("generation", generation)
                .param("limit", limit)
                .query((rs, row) -> new ProductSales(new Sku(rs.getString("sku")), rs.getString("name"),
                        rs.getLong("units")))
                .list();
    }

    @Override
    public Optional<TimeToConfirm> timeToConfirm(long generation) {
        record Totals(long orders, long averageMicros) {
        }
        Totals totals = jdbc.sql("""
                SELECT count(*) AS orders, coalesce(round(avg(time_to_confirm_micros)), 0) AS average_micros
                FROM order_fact WHERE generation = :generation AND time_to_confirm_micros IS NOT NULL
                """)
                .param("generation", generation)
                .query((rs, row) -> new Totals(rs.getLong("orders"), rs.getLong("average_micros")))
                .single();
        if (totals.orders() == 0) {
            return Optional.empty();
        }
        Map<Long, Duration> byRank = new HashMap<>();
        jdbc.sql("""
                SELECT rank, time_to_confirm_micros FROM (
                    SELECT time_to_confirm_micros, row_number() OVER (ORDER BY time_to_confirm_micros) AS rank
                    FROM order_fact WHERE generation = :generation AND time_to_confirm_micros IS NOT NULL
                ) ranked
                WHERE rank IN (:ranks)
                """)
                .param("generation", generation)
                .param("ranks", List.of(Percentile.values()).stream()
                        .map(percentile -> percentile.rankIn(totals.orders())).distinct().toList())
                .query((ResultSet rs) -> {
                    byRank.put(rs.getLong("rank"), micros(rs.getLong("time_to_confirm_micros")));
                });
        return Optional.of(new TimeToConfirm(totals.orders(), micros(totals.averageMicros()),
                ranked(byRank, Percentile.P50.rankIn(totals.orders())),
                ranked(byRank, Percentile.P90.rankIn(totals.orders())),
                ranked(byRank, Percentile.P99.rankIn(totals.orders()))));
    }

    /** The query above selects every rank asked for, so each is there. */
    private static Duration ranked(Map<Long, Duration> byRank, long rank) {
        return Objects.requireNonNull(byRank.get(rank), () -> "no order at rank " + rank);
    }

    @Override
    public long productCount(long generation) {
        return jdbc.sql("SELECT count(*) FROM product WHERE generation = :generation")
                .param("generation", generation)
                .query(Long.class)
                .single();
    }

    private static Duration micros(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }
}
