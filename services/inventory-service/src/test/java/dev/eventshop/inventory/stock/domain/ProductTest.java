package dev.eventshop.inventory.stock.domain;

import static dev.eventshop.inventory.stock.domain.StockFixture.BEFORE;
import static dev.eventshop.inventory.stock.domain.StockFixture.LATER;
import static dev.eventshop.inventory.stock.domain.StockFixture.NOW;
import static dev.eventshop.inventory.stock.domain.StockFixture.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    @Nested
    class Restocking {

        @Test
        void adds_available_units_and_counts_a_change() {
            Product cable = product("CB-005", 5);

            cable.restock(10, NOW);

            assertThat(cable.available()).isEqualTo(15);
            assertThat(cable.reserved()).isZero();
            assertThat(cable.version()).isEqualTo(2);
            assertThat(cable.updatedAt()).isEqualTo(NOW);
            assertThat(cable.hasUnpublishedChanges()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Product.MAX_RESTOCK + 1})
        void adds_one_to_a_hundred_thousand_units(int quantity) {
            Product cable = product("CB-005", 5);

            assertThatIllegalArgumentException().isThrownBy(() -> cable.restock(quantity, NOW));
            assertThat(cable.available()).isEqualTo(5);
            assertThat(cable.hasUnpublishedChanges()).isFalse();
        }

        @Test
        void stops_at_the_stock_limit_so_that_no_count_overflows() {
            Product nearlyFull = Product.restore(new Sku("BIG-1"), "Bulk", Money.of("1.00", "EUR"),
                    Product.MAX_STOCK - 10, 5, 1, 1, BEFORE);

            nearlyFull.restock(5, NOW);

            assertThatExceptionOfType(StockLimitExceededException.class)
                    .isThrownBy(() -> nearlyFull.restock(1, LATER))
                    .satisfies(e -> assertThat(e.sku()).isEqualTo(new Sku("BIG-1")));
            assertThat(nearlyFull.available()).isEqualTo(Product.MAX_STOCK - 5);
        }
    }

    @Nested
    class MovingStock {

        @Test
        void holding_moves_available_units_to_reserved() {
            Product cable = product("CB-005", 5);

            cable.hold(2, NOW);

            assertThat(cable.available()).isEqualTo(3);
            assertThat(cable.reserved()).isEqualTo(2);
        }

        @Test
        void giving_back_moves_reserved_units_to_available() {
            Product cable = product("CB-005", 5);
            cable.hold(2, NOW);

            cable.giveBack(2, LATER);

            assertThat(cable.available()).isEqualTo(5);
            assertThat(cable.reserved()).isZero();
        }

        @Test
        void selling_takes_reserved_units_out_of_the_stock() {
            Product cable = product("CB-005", 5);
            cable.hold(2, NOW);

            cable.sell(2, LATER);

            assertThat(cable.available()).isEqualTo(3);
            assertThat(cable.reserved()).isZero();
        }

        @Test
        void never_holds_more_than_is_available() {
            Product cable = product("CB-005", 5);

            assertThatIllegalStateException().isThrownBy(() -> cable.hold(6, NOW));
            assertThat(cable.available()).isEqualTo(5);
        }

        @Test
        void never_gives_back_or_sells_more_than_is_reserved() {
            Product cable = product("CB-005", 5);
            cable.hold(1, NOW);

            assertThatIllegalStateException().isThrownBy(() -> cable.giveBack(2, LATER));
            assertThatIllegalStateException().isThrownBy(() -> cable.sell(2, LATER));
            assertThat(cable.reserved()).isEqualTo(1);
        }

        @Test
        void refuses_negative_stock_even_from_storage() {
            assertThatIllegalArgumentException().isThrownBy(() -> Product.restore(new Sku("CB-005"), "Cable",
                    Money.of("9.00", "EUR"), -1, 0, 1, 1, BEFORE));
        }
    }

    @Nested
    class Publishing {

        @Test
        void a_published_change_is_no_longer_pending() {
            Product cable = product("CB-005", 5);
            cable.restock(1, NOW);

            cable.markPublished();

            assertThat(cable.hasUnpublishedChanges()).isFalse();
            assertThat(cable.publishedVersion()).isEqualTo(cable.version());
        }

        @Test
        void a_never_published_product_is_pending() {
            Product seeded = Product.restore(new Sku("KB-001"), "Keyboard", Money.of("89.00", "EUR"), 100, 0, 1, 0,
                    BEFORE);

            assertThat(seeded.hasUnpublishedChanges()).isTrue();
        }

        @Test
        void the_update_time_never_goes_back_even_if_the_clock_does() {
            Product cable = product("CB-005", 5);
            cable.restock(1, NOW);

            cable.restock(1, NOW.minusSeconds(30));

            assertThat(cable.updatedAt()).isEqualTo(NOW);
            assertThat(cable.version()).isEqualTo(3);
        }
    }
}
