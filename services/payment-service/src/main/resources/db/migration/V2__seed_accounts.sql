-- The contract's seed customers, written as ledger events like any other account: opened, then a first deposit.
INSERT INTO account_event (account_id, version, event_type, payload, occurred_at) VALUES
    ('alice', 1, 'account-opened.v1',  '{"currency": "EUR"}',                      '2026-01-01T00:00:00Z'),
    ('alice', 2, 'money-deposited.v1', '{"amount": "5000.00", "currency": "EUR"}', '2026-01-01T00:00:00Z'),
    ('bob',   1, 'account-opened.v1',  '{"currency": "EUR"}',                      '2026-01-01T00:00:00Z'),
    ('bob',   2, 'money-deposited.v1', '{"amount": "50.00", "currency": "EUR"}',   '2026-01-01T00:00:00Z');
