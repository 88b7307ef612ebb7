package dev.eventshop.payment.account.web;

import dev.eventshop.events.CustomerId;
import dev.eventshop.payment.account.application.AccountQueries;
import dev.eventshop.payment.account.application.Deposited;
import dev.eventshop.payment.account.application.Deposits;
import dev.eventshop.web.idempotency.IdempotencyKey;
import dev.eventshop.web.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Shows accounts, now or as they were at an instant, and their ledgers; takes deposits. */
@RestController
@RequestMapping(path = "/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    /** The longest customer id the service accepts, as the order-service does. */
    static final int MAX_CUSTOMER_ID_LENGTH = 100;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final AccountQueries queries;
    private final Deposits deposits;
    private final IdempotentRequests idempotentRequests;

    AccountController(AccountQueries queries, Deposits deposits, IdempotentRequests idempotentRequests) {
        this.queries = queries;
        this.deposits = deposits;
        this.idempotentRequests = idempotentRequests;
    }

    /**
     * The account now or, with {@code asOf} (an ISO-8601 instant such as {@code 2026-11-22T10:00:00Z}), as it was
     * then: its latest snapshot at or before that instant and the ledger's events after it that occurred until then.
     */
    @GetMapping("/{customerId}")
    AccountResponse get(@PathVariable String customerId, @RequestParam(required = false) @Nullable String asOf) {
        CustomerId id = parse(customerId);
        if (asOf == null) {
            return queries.find(id).map(AccountResponse::of).orElseThrow(() -> new AccountNotFoundException(id));
        }
        Instant instant = parseInstant(asOf);
        return queries.findAsOf(id, instant)
                .map(account -> AccountResponse.asOf(account, instant))
                .orElseThrow(() -> new AccountNotFoundException(id, instant));
    }

    /**
     * The account's ledger, oldest first, a page at a time: the events after version {@code after}, at most
     * {@code size} of them; {@code next} links the following page. The versions number an account's events without
     * gaps, so a page stays the same however many events come later.
     */
    @GetMapping("/{customerId}/events")
    LedgerPageResponse events(@PathVariable String customerId,
            @Parameter(description = "The version the page starts after: 0 for the first page")
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @Parameter(description = "The most events on the page")
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        CustomerId id = parse(customerId);
        return queries.history(id, after, size)
                .map(page -> LedgerPageResponse.of(page, id, size))
                .orElseThrow(() -> new AccountNotFoundException(id));
    }

    /**
     * Records a deposit. {@code 201 Created} with {@code Location} when the deposit opened the account, {@code 200 OK}
     * when it existed; the body is the account with the deposit either way. With an {@code Idempotency-Key}, a retry
     * of the same deposit gets the first answer again, and pays nothing in a second time.
     */
    @PostMapping(path = "/{customerId}/deposits", consumes = MediaType.APPLICATION_JSON_VALUE)
    // the answer may be a stored one, written as JSON bytes, so the type of its body is named here
    @ApiResponse(responseCode = "200", description = "The account with the deposit",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "201", description = "The account the deposit opened",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    ResponseEntity<?> deposit(@PathVariable String customerId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody DepositRequest request) {
        CustomerId id = parse(customerId);
        return idempotentRequests.run(idempotencyKey, request, () -> depositNow(id, request));
    }

    private ResponseEntity<AccountResponse> depositNow(CustomerId id, DepositRequest request) {
        Deposited deposited = deposits.deposit(id, new BigDecimal(Objects.requireNonNull(request.amount())),
                request.currency());
        AccountResponse body = AccountResponse.of(deposited.account());
        if (deposited.opened()) {
            URI location = UriComponentsBuilder.fromPath("/accounts/{customerId}").buildAndExpand(id.value())
                    .encode().toUri();
            return ResponseEntity.status(HttpStatus.CREATED).location(location).body(body);
        }
        return ResponseEntity.ok(body);
    }

    private static CustomerId parse(String customerId) {
        if (customerId.isBlank() || customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
            throw new InvalidCustomerIdException();
        }
        return new CustomerId(customerId);
    }

    private static Instant parseInstant(String asOf) {
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidAsOfException();
        }
    }
}
