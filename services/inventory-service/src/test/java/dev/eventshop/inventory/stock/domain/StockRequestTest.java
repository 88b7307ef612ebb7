package dev.eventshop.inventory.stock.domain;

import static dev.eventshop.inventory.stock.domain.StockFixture.item;
import static dev.eventshop.inventory.stock.domain.StockFixture.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class StockRequestTest {

    @Test
    void adds_up_the_lines_of_one_product() {
        StockRequest request = StockRequest.of(List.of(item("KB-001", 3), item("MS-002", 1), item("KB-001", 2)));

        assertThat(request.items()).containsExactly(item("KB-001", 5), item("MS-002", 1));
    }

    @Test
    void lists_the_products_in_sku_order() {
        StockRequest request = StockRequest.of(List.of(item("MS-002", 1), item("CB-005", 1), item("KB-001", 1)));

        assertThat(request.skus()).containsExactly(sku("CB-005"), sku("KB-001"), sku("MS-002"));
    }

    @Test
    void asks_for_at_least_one_product() {
        assertThatIllegalArgumentException().isThrownBy(() -> StockRequest.of(List.of()));
    }

    @Test
    void names_each_product_once() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StockRequest(List.of(item("KB-001", 1), item("KB-001", 2))));
    }

    @Test
    void an_item_asks_for_at_least_one_unit() {
        assertThatIllegalArgumentException().isThrownBy(() -> item("KB-001", 0));
    }
}
