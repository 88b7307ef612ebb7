package dev.eventshop.analytics.sales.application;

import dev.eventshop.analytics.sales.domain.OrderFacts;
import dev.eventshop.analytics.sales.domain.ProductFacts;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;

/**
 * Where the facts are kept, one set per generation of the read models. Every method joins the caller's transaction.
 * Inserting first and locking second means two writers of one new order (the live consumer and a rebuild) never both
 * insert: the second waits for the first, finds its row and merges into it.
 */
public interface ReadModels {

    /** Stores the facts of an order the generation does not have yet; false, and nothing changes, when it has them. */
    boolean insertOrder(long generation, OrderFacts facts);

    /** The stored facts of an order, locked until the transaction ends. */
    OrderFacts lockOrder(long generation, OrderId orderId);

    void updateOrder(long generation, OrderFacts facts);

    /** As {@link #insertOrder}, for a product. */
    boolean insertProduct(long generation, ProductFacts facts);

    ProductFacts lockProduct(long generation, Sku sku);

    void updateProduct(long generation, ProductFacts facts);
}
