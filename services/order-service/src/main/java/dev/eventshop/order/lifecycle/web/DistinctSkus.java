package dev.eventshop.order.lifecycle.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The items of an order name each SKU once: a second line for a product is a mistake, not a larger quantity. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctSkus.Validator.class)
@interface DistinctSkus {

    String message() default "must name each SKU only once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null items and null SKUs are other constraints' business. */
    class Validator implements ConstraintValidator<DistinctSkus, List<PlaceOrderRequest.@Nullable RequestedItem>> {

        @Override
        public boolean isValid(@Nullable List<PlaceOrderRequest.@Nullable RequestedItem> items,
                ConstraintValidatorContext context) {
            if (items == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (PlaceOrderRequest.RequestedItem item : items) {
                String sku = item == null ? null : item.sku();
                if (sku != null && !seen.add(sku)) {
                    return false;
                }
            }
            return true;
        }
    }
}
