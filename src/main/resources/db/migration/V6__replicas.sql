-- The replicas of the service that share one ledger: each says it is alive every few seconds,
-- so that the others can tell how many share the read models' segments.
CREATE TABLE ledger_replica (
    node_id TEXT        NOT NULL PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
);
