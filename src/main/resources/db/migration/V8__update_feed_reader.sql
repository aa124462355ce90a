-- The update feed is derived by its own reader of the log (stream.UpdateProjection, processor
-- "updates"), no longer by the verdict model, so that a rebuild of the verdicts never rewrites the
-- feed and the feed never waits for one (ADR 11).

-- The verdict changes the verdict model announces, in the form the feed reader takes: each one's
-- update already built. The feed reader moves them into update_feed (and deletes them) in one
-- transaction, in the order of id, once its own update of the causing event is in the feed.
CREATE TABLE verdict_news (
    id             BIGSERIAL   PRIMARY KEY,
    position       BIGINT      NOT NULL, -- global position of the event that moved the verdict
    proposition_id TEXT        NOT NULL,
    subject        TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL,
    data           JSON        NOT NULL  -- the verdict-changed update as subscribers receive it
);

-- The feed reader's own note of each proposition's subject (a claim's update names it, and the
-- stream is filtered by it).
CREATE TABLE update_subject (
    proposition_id TEXT NOT NULL PRIMARY KEY,
    subject        TEXT NOT NULL
);
INSERT INTO update_subject (proposition_id, subject)
SELECT id, subject FROM proposition_view
UNION
SELECT proposition_id, subject FROM verdict_view
ON CONFLICT DO NOTHING;

-- The feed reader goes on where the verdict model, which wrote the feed until now, left it.
INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'updates', segment, token, token_type, timestamp, NULL FROM token_entry WHERE processor_name = 'verdicts'
ON CONFLICT DO NOTHING;
