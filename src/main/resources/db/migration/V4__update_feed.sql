-- The update stream: every change historians subscribe to, in log order, derived from the event
-- log by the verdict processor (which alone knows when a verdict moves). One event can cause
-- several updates (a regrade moves several verdicts): (position, seq) orders them.
CREATE TABLE update_feed (
    position       BIGINT      NOT NULL, -- global position of the event in the log
    seq            INTEGER     NOT NULL, -- 0 for the event's own update, 1.. for what it moved
    type           TEXT        NOT NULL, -- claim-recorded, claim-revised, claim-withdrawn, source-assessed, verdict-changed
    proposition_id TEXT,
    subject        TEXT,
    source_id      TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL,
    data           JSON        NOT NULL,
    PRIMARY KEY (position, seq)
);
CREATE INDEX update_feed_proposition ON update_feed (proposition_id, position, seq);
CREATE INDEX update_feed_subject ON update_feed (subject, position, seq);
