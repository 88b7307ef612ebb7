package dev.eventshop.analytics.sales.web;

import dev.eventshop.analytics.sales.application.Rebuild;
import dev.eventshop.analytics.sales.application.SummaryQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The figures of the read models, and their rebuild from the start of the topics. */
@RestController
@RequestMapping(path = "/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
class AnalyticsController {

    private final SummaryQueries queries;
    private final Rebuild rebuild;

    AnalyticsController(SummaryQueries queries, Rebuild rebuild) {
        this.queries = queries;
        this.rebuild = rebuild;
    }

    /** Every figure, from one consistent snapshot of the current generation. */
    @GetMapping("/summary")
    SummaryResponse summary() {
        return SummaryResponse.of(queries.summary());
    }

    /**
     * Rebuilds every read model from the start of the topics into a new generation while the current one keeps
     * serving, switches to it at once, and answers when done. {@code 409} while another rebuild runs.
     */
    @PostMapping("/rebuild")
    RebuildResponse rebuild() {
        return RebuildResponse.of(rebuild.run());
    }
}
