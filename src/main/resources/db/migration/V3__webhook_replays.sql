-- Signatures (or event ids) of inbound webhook requests already accepted, so a captured request replayed inside
-- the timestamp window is refused. Rows older than the window are useless and deleted as new ones arrive.
CREATE TABLE webhook_replay (
    fingerprint text PRIMARY KEY,
    seen_at     timestamptz NOT NULL
);
CREATE INDEX webhook_replay_seen ON webhook_replay (seen_at);
