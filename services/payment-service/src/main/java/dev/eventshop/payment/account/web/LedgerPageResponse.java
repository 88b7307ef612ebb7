package dev.eventshop.payment.account.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventshop.events.CustomerId;
import dev.eventshop.payment.account.application.LedgerPage;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of an account's ledger, oldest first.
 *
 * @param size the most events a page of this size holds
 * @param next the path of the next page, with the same size; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LedgerPageResponse(List<LedgerEntryResponse> content, int size, @Nullable String next) {

    static LedgerPageResponse of(LedgerPage page, CustomerId id, int size) {
        String next = page.nextAfter().stream()
                .mapToObj(after -> UriComponentsBuilder.fromPath("/accounts/{customerId}/events")
                        .queryParam("after", after).queryParam("size", size)
                        .buildAndExpand(id.value()).encode().toUriString())
                .findFirst().orElse(null);
        return new LedgerPageResponse(page.entries().stream().map(LedgerEntryResponse::of).toList(), size, next);
    }
}
