package dev.eventshop.messaging;

import dev.eventshop.events.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the outbox's integration tests share: the publisher under test, transactions to publish in, the table. */
@MessagingTestContext
abstract class OutboxIntegrationTest {

    @Autowired
    protected EventPublisher outbox;
    @Autowired
    protected TransactionTemplate transaction;
    @Autowired
    protected JdbcTemplate jdbc;
}
