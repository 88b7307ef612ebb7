package dev.eventshop.inventory.stock.domain;

import static dev.eventshop.inventory.stock.domain.StockFixture.ALICE;
import static dev.eventshop.inventory.stock.domain.StockFixture.LATER;
import static dev.eventshop.inventory.stock.domain.StockFixture.NOW;
import static dev.eventshop.inventory.stock.domain.StockFixture.item;
import static dev.eventshop.inventory.stock.domain.StockFixture.product;
import static dev.eventshop.inventory.stock.domain.StockFixture.request;
import static dev.eventshop.inventory.stock.domain.StockFixture.reserved;
import static dev.eventshop.inventory.stock.domain.StockFixture.sku;
import static dev.eventshop.inventory.stock.domain.StockFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private final OrderId orderId = OrderId.newId();

    @Nested
    class PlacingAnOrder {

        @Test
        void holds_every_item_when_all_are_available() {
            Map<Sku, Product> stock = stock(product("KB-001", 100), product("MS-002", 100));

            Reservation.Placement placement = Reservation.place(orderId, ALICE,
                    request(item("KB-001", 2), item("MS-002", 1)), stock, NOW);

            assertThat(placement.reservation().status()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(placement.reservation().items()).containsExactly(item("KB-001", 2), item("MS-002", 1));
            assertThat(placement.outcome()).isEqualTo(new ReservationEvent.Reserved(orderId, ALICE,
                    placement.reservation().items(), NOW));
            assertThat(stock.get(sku("KB-001"))).satisfies(keyboard -> {
                assertThat(keyboard.available()).isEqualTo(98);
                assertThat(keyboard.reserved()).isEqualTo(2);
            });
            assertThat(stock.get(sku("MS-002")).available()).isEqualTo(99);
            assertThat(stock.values()).allMatch(Product::hasUnpublishedChanges);
        }

        @Test
        void holds_nothing_when_one_item_is_short_and_names_only_that_one() {
            Map<Sku, Product> stock = stock(product("KB-001", 100), product("LS-006", 0));

            Reservation.Placement placement = Reservation.place(orderId, ALICE,
                    request(item("KB-001", 2), item("LS-006", 1)), stock, NOW);

            assertThat(placement.reservation().status()).isEqualTo(ReservationStatus.FAILED);
            assertThat(placement.outcome()).isEqualTo(new ReservationEvent.Failed(orderId,
                    List.of(new Shortage(sku("LS-006"), 1, 0)), NOW));
            assertThat(stock.get(sku("KB-001")).available()).isEqualTo(100);
            assertThat(stock.values()).noneMatch(Product::hasUnpublishedChanges);
        }

        @Test
        void counts_a_product_that_does_not_exist_as_short_with_none_available() {
            Map<Sku, Product> stock = stock(product("KB-001", 100));

            Reservation.Placement placement = Reservation.place(orderId, ALICE,
                    request(item("KB-001", 1), item("NOPE-404", 3)), stock, NOW);

            assertThat(placement.outcome()).isInstanceOfSatisfying(ReservationEvent.Failed.class,
                    failed -> assertThat(failed.shortages()).containsExactly(new Shortage(sku("NOPE-404"), 3, 0)));
            assertThat(stock.get(sku("KB-001")).available()).isEqualTo(100);
        }

        @Test
        void names_every_short_product_in_sku_order() {
            Map<Sku, Product> stock = stock(product("CB-005", 5), product("LS-006", 0), product("MN-003", 50));

            Reservation.Placement placement = Reservation.place(orderId, ALICE,
                    request(item("LS-006", 1), item("MN-003", 1), item("CB-005", 6)), stock, NOW);

            assertThat(placement.outcome()).isInstanceOfSatisfying(ReservationEvent.Failed.class,
                    failed -> assertThat(failed.shortages()).containsExactly(new Shortage(sku("CB-005"), 6, 5),
                            new Shortage(sku("LS-006"), 1, 0)));
        }

        @Test
        void takes_the_last_units_and_then_nothing_more() {
            Map<Sku, Product> stock = stock(product("CB-005", 5));

            Reservation.Placement first = Reservation.place(orderId, ALICE, request(item("CB-005", 5)), stock, NOW);
            Reservation.Placement second = Reservation.place(OrderId.newId(), ALICE, request(item("CB-005", 1)),
                    stock, LATER);

            assertThat(first.reservation().status()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(second.outcome()).isInstanceOfSatisfying(ReservationEvent.Failed.class,
                    failed -> assertThat(failed.shortages()).containsExactly(new Shortage(sku("CB-005"), 1, 0)));
            assertThat(stock.get(sku("CB-005")).available()).isZero();
            assertThat(stock.get(sku("CB-005")).reserved()).isEqualTo(5);
        }

        @Test
        void checks_the_lines_of_one_product_together() {
            Map<Sku, Product> stock = stock(product("CB-005", 4));

            Reservation.Placement placement = Reservation.place(orderId, ALICE,
                    request(item("CB-005", 3), item("CB-005", 2)), stock, NOW);

            assertThat(placement.outcome()).isInstanceOfSatisfying(ReservationEvent.Failed.class,
                    failed -> assertThat(failed.shortages()).containsExactly(new Shortage(sku("CB-005"), 5, 4)));
            assertThat(stock.get(sku("CB-005")).available()).isEqualTo(4);
        }

        @Test
        void ignores_a_second_order_for_a_reservation_that_answered_one_already() {
            Map<Sku, Product> stock = stock(product("KB-001", 100));
            Reservation reservation = reserved(stock, 2);

            assertThat(reservation.refuseIfWithdrawn(request(item("KB-001", 2)), LATER)).isEmpty();
            assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(stock.get(sku("KB-001")).reserved()).isEqualTo(2);
        }
    }

    @Nested
    class Releasing {

        @Test
        void gives_the_held_items_back() {
            Map<Sku, Product> stock = stock(product("KB-001", 100), product("MS-002", 10));
            Reservation reservation = reserved(stock, 3);

            var released = reservation.release(stock, LATER);

            assertThat(released).contains(new ReservationEvent.Released(reservation.orderId(),
                    List.of(item("KB-001", 3), item("MS-002", 3)), LATER));
            assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
            assertThat(reservation.updatedAt()).isEqualTo(LATER);
            assertThat(stock.values()).allSatisfy(product -> assertThat(product.reserved()).isZero());
            assertThat(stock.get(sku("KB-001")).available()).isEqualTo(100);
            assertThat(stock.get(sku("MS-002")).available()).isEqualTo(10);
        }

        @Test
        void gives_back_only_once() {
            Map<Sku, Product> stock = stock(product("KB-001", 100));
            Reservation reservation = reserved(stock, 3);
            reservation.release(stock, LATER);

            assertThat(reservation.release(stock, LATER.plusSeconds(1))).isEmpty();
            assertThat(stock.get(sku("KB-001")).available()).isEqualTo(100);
            assertThat(reservation.updatedAt()).isEqualTo(LATER);
        }

        @Test
        void a_failed_reservation_has_nothing_to_give_back() {
            Map<Sku, Product> stock = stock(product("LS-006", 0));
            Reservation failed = Reservation.place(orderId, ALICE, request(item("LS-006", 1)), stock, NOW)
                    .reservation();

            assertThat(failed.release(stock, LATER)).isEmpty();
            assertThat(failed.status()).isEqualTo(ReservationStatus.FAILED);
            assertThat(stock.get(sku("LS-006")).available()).isZero();
        }

        @Test
        void sold_items_are_not_given_back() {
            Map<Sku, Product> stock = stock(product("KB-001", 100));
            Reservation reservation = reserved(stock, 3);
            reservation.commit(stock, LATER);

            assertThat(reservation.release(stock, LATER.plusSeconds(1))).isEmpty();
            assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
            assertThat(stock.get(sku("KB-001")).available()).isEqualTo(97);
        }
    }

    @Nested
    class Committing {

        @Test
        void sells_the_held_items() {
            Map<Sku, Product> stock = stock(product("CB-005", 5));
            Reservation reservation = reserved(stock, 5);

            var committed = reservation.commit(stock, LATER);

            assertThat(committed).contains(new ReservationEvent.Committed(reservation.orderId(),
                    List.of(item("CB-005", 5)), LATER));
            assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
            assertThat(stock.get(sku("CB-005")).available()).isZero();
            assertThat(stock.get(sku("CB-005")).reserved()).isZero();
        }

        @Test
        void sells_only_once() {
            Map<Sku, Product> stock = stock(product("CB-005", 5));
            Reservation reservation = reserved(stock, 2);
            reservation.commit(stock, LATER);

            assertThat(reservation.commit(stock, LATER.plusSeconds(1))).isEmpty();
            assertThat(stock.get(sku("CB-005")).available()).isEqualTo(3);
            assertThat(stock.get(sku("CB-005")).reserved()).isZero();
        }

        @Test
        void released_items_are_not_sold() {
            Map<Sku, Product> stock = stock(product("CB-005", 5));
            Reservation reservation = reserved(stock, 2);
            reservation.release(stock, LATER);

            assertThat(reservation.commit(stock, LATER.plusSeconds(1))).isEmpty();
            assertThat(stock.get(sku("CB-005")).available()).isEqualTo(5);
        }
    }

    @Nested
    class WithdrawnBeforeTheOrderArrives {

        @Test
        void holds_nothing_and_gives_nothing_back() {
            Reservation withdrawn = Reservation.withdrawnBeforePlaced(orderId, ALICE, NOW);

            assertThat(withdrawn.status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(withdrawn.holdsStock()).isFalse();
            assertThat(withdrawn.items()).isEmpty();
            assertThat(withdrawn.release(Map.of(), LATER)).isEmpty();
            assertThat(withdrawn.commit(Map.of(), LATER)).isEmpty();
        }

        @Test
        void refuses_the_late_order_without_naming_a_shortage() {
            Reservation withdrawn = Reservation.withdrawnBeforePlaced(orderId, ALICE, NOW);

            var refused = withdrawn.refuseIfWithdrawn(request(item("KB-001", 2)), LATER);

            assertThat(refused).contains(new ReservationEvent.Failed(orderId, List.of(), LATER));
            assertThat(withdrawn.status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(withdrawn.holdsStock()).isFalse();
            assertThat(withdrawn.items()).as("what the order asked for, on record").containsExactly(
                    item("KB-001", 2));
        }

        @Test
        void refuses_the_late_order_once() {
            Reservation withdrawn = Reservation.withdrawnBeforePlaced(orderId, ALICE, NOW);
            withdrawn.refuseIfWithdrawn(request(item("KB-001", 2)), LATER);

            assertThat(withdrawn.refuseIfWithdrawn(request(item("KB-001", 2)), LATER.plusSeconds(1))).isEmpty();
        }

        @Test
        void a_refused_order_gives_nothing_back_either() {
            Reservation withdrawn = Reservation.withdrawnBeforePlaced(orderId, ALICE, NOW);
            withdrawn.refuseIfWithdrawn(request(item("KB-001", 2)), LATER);
            Map<Sku, Product> stock = stock(product("KB-001", 100));

            assertThat(withdrawn.release(stock, LATER.plusSeconds(1))).isEmpty();
            assertThat(stock.get(sku("KB-001")).available()).isEqualTo(100);
            assertThat(stock.get(sku("KB-001")).hasUnpublishedChanges()).isFalse();
        }
    }
}
