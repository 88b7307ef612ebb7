package dev.eventshop.analytics.dashboard;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live feed of the dashboard. */
@RestController
class SummaryFeedController {

    private final SummaryFeed feed;

    SummaryFeedController(SummaryFeed feed) {
        this.feed = feed;
    }

    /**
     * The summary as server-sent events named {@code summary}, each the JSON of {@code GET /analytics/summary}: the
     * current figures at once, then again whenever they change.
     */
    @GetMapping(path = "/analytics/summary/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return feed.subscribe();
    }
}
