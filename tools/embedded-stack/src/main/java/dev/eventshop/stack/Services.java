package dev.eventshop.stack;

import java.nio.file.Path;
import java.util.List;

/** Every service the stack runs, in start order, and every database of the system. Add a service here. */
public final class Services {

    public static final ServiceSpec ORDER_SERVICE =
            new ServiceSpec("order-service", 8081, "orders", Path.of("services/order-service/target/order-service.jar"));

    public static final ServiceSpec INVENTORY_SERVICE = new ServiceSpec("inventory-service", 8082, "inventory",
            Path.of("services/inventory-service/target/inventory-service.jar"));

    public static final ServiceSpec PAYMENT_SERVICE =
            new ServiceSpec("payment-service", 8083, "payments", Path.of("services/payment-service/target/payment-service.jar"));

    public static final ServiceSpec EMAIL_SERVICE =
            new ServiceSpec("email-service", 8084, "emails", Path.of("services/email-service/target/email-service.jar"));

    public static final ServiceSpec ANALYTICS_SERVICE = new ServiceSpec("analytics-service", 8085, "analytics",
            Path.of("services/analytics-service/target/analytics-service.jar"));

    public static final List<ServiceSpec> ALL =
            List.of(ORDER_SERVICE, INVENTORY_SERVICE, PAYMENT_SERVICE, EMAIL_SERVICE, ANALYTICS_SERVICE);

    /** Each service's own database, all on one server; created up front, so services not built yet cost nothing. */
    public static final List<String> DATABASES = List.of("orders", "inventory", "payments", "emails", "analytics");

    private Services() {
    }

    /** The longest service name, so that every service's console prefix has the same width. */
    static int nameWidth() {
        return ALL.stream().mapToInt(spec -> spec.name().length()).max().orElse(0);
    }
}
