package dev.eventshop.analytics.sales.web;

import dev.eventshop.analytics.sales.application.RebuildReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What a rebuild did.
 *
 * @param previousGeneration the generation that served until the switch
 * @param generation the rebuilt generation, which serves from now on
 * @param events events replayed from the start of the topics up to their ends when the rebuild began
 * @param skipped records that were not events of a known type (the live consumer dead-letters them)
 * @param orders orders the rebuilt generation knows
 * @param products products whose name it knows
 * @param purgedRows rows of the retired generation deleted after the switch
 */
@Schema(name = "Rebuild")
public record RebuildResponse(long previousGeneration, long generation, long events, Map<String, Long> eventsByTopic,
        long skipped, long orders, long products, long purgedRows, long tookMillis) {

    static RebuildResponse of(RebuildReport report) {
        return new RebuildResponse(report.previousGeneration(), report.generation(), report.events(),
                report.eventsByTopic(), report.skipped(), report.orders(), report.products(), report.purgedRows(),
                report.took().toMillis());
    }
}
