package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.Objects;

/**
 * A product, its price and its stock. {@code available} units can be sold; {@code reserved} units are held for orders
 * in flight and are either sold when the order is confirmed or become available again when it is not. Only a
 * {@link Reservation} moves units between the two; a restock adds available units. Neither count ever goes below 0.
 *
 * <p>Every change counts up the {@code version}; {@code publishedVersion} is the last version the rest of the system
 * was told about. A product with {@link #hasUnpublishedChanges()} is published before its transaction ends.
 */
public final class Product {

    /** The most units one restock adds. */
    public static final int MAX_RESTOCK = 100_000;
    /** The most units of one product in stock, available and reserved together, so that no count can overflow. */
    public static final int MAX_STOCK = 1_000_000_000;

    private final Sku sku;
    private final String name;
    private final Money price;
    private int available;
    private int reserved;
    private long version;
    private long publishedVersion;
    private Instant updatedAt;

    private Product(Sku sku, String name, Money price, int available, int reserved, long version,
            long publishedVersion, Instant updatedAt) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.name = Objects.requireNonNull(name, "name");
        this.price = Objects.requireNonNull(price, "price");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (available < 0 || reserved < 0 || (long) available + reserved > MAX_STOCK) {
            throw new IllegalArgumentException(
                    "stock of " + sku + " out of range: available " + available + ", reserved " + reserved);
        }
        if (publishedVersion < 0 || publishedVersion > version) {
            throw new IllegalArgumentException(
                    "published version " + publishedVersion + " of " + sku + " is not within 0 to " + version);
        }
        this.available = available;
        this.reserved = reserved;
        this.version = version;
        this.publishedVersion = publishedVersion;
    }

    /** A product as it was stored. */
    public static Product restore(Sku sku, String name, Money price, int available, int reserved, long version,
            long publishedVersion, Instant updatedAt) {
        return new Product(sku, name, price, available, reserved, version, publishedVersion, updatedAt);
    }

    /**
     * Adds units to the available stock.
     *
     * @throws IllegalArgumentException unless {@code quantity} is 1 to {@value #MAX_RESTOCK}
     * @throws StockLimitExceededException when the product would have more than {@value #MAX_STOCK} units
     */
    public void restock(int quantity, Instant at) {
        if (quantity < 1 || quantity > MAX_RESTOCK) {
            throw new IllegalArgumentException("a restock adds 1 to " + MAX_RESTOCK + " units, not " + quantity);
        }
        long wouldBe = (long) available + reserved + quantity;
        if (wouldBe > MAX_STOCK) {
            throw new StockLimitExceededException(sku, wouldBe);
        }
        available += quantity;
        changed(at);
    }

    /** Holds available units for an order; the caller checked that there are enough. */
    void hold(int quantity, Instant at) {
        require(quantity, available, "hold", "available");
        available -= quantity;
        reserved += quantity;
        changed(at);
    }

    /** Makes held units available again. */
    void giveBack(int quantity, Instant at) {
        require(quantity, reserved, "give back", "reserved");
        reserved -= quantity;
        available += quantity;
        changed(at);
    }

    /** Held units are sold: they leave the stock. */
    void sell(int quantity, Instant at) {
        require(quantity, reserved, "sell", "reserved");
        reserved -= quantity;
        changed(at);
    }

    private void require(int quantity, int have, String action, String what) {
        if (quantity < 1 || quantity > have) {
            // A reservation's own units are always there: this is a bug or corrupted data, never an order's fault.
            throw new IllegalStateException(
                    "cannot " + action + " " + quantity + " of " + sku + ": " + have + " " + what);
        }
    }

    private void changed(Instant at) {
        version++;
        // Never back in time, even if clocks are: catalog replicas keep the state with the latest updatedAt.
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    /** Whether the product changed since its state was last published. */
    public boolean hasUnpublishedChanges() {
        return publishedVersion < version;
    }

    /** Notes that the current state was published. */
    public void markPublished() {
        publishedVersion = version;
    }

    public Sku sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public Money price() {
        return price;
    }

    public int available() {
        return available;
    }

    public int reserved() {
        return reserved;
    }

    public long version() {
        return version;
    }

    public long publishedVersion() {
        return publishedVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Product " + sku + " available " + available + ", reserved " + reserved;
    }
}
