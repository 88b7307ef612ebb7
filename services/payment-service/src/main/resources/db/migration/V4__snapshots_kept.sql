-- Every snapshot of an account is kept, not only the latest, so that a balance as of an instant starts from the latest
-- snapshot at or before it and replays only the events after that one. One row per snapshot-interval events.
ALTER TABLE account_snapshot DROP CONSTRAINT account_snapshot_pkey;
ALTER TABLE account_snapshot ADD CONSTRAINT account_snapshot_pkey PRIMARY KEY (account_id, version);
