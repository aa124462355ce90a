-- Verdicts: the verdict processor's own copy of what it decides from (so it never waits on another
-- read model), the current verdict of every proposition, and the history of status changes.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE verdict_source (
    id           TEXT             NOT NULL PRIMARY KEY,
    grade        CHAR(1)          NOT NULL,
    origin       TEXT             NOT NULL,
    derived_from JSONB            NOT NULL,
    published    TEXT,
    line         TEXT             NOT NULL, -- the line of testimony: first source id of its component
    weight       DOUBLE PRECISION NOT NULL  -- grade weight after derivation caps
);
CREATE INDEX verdict_source_line ON verdict_source (line);

CREATE TABLE verdict_claim (
    id             TEXT    NOT NULL PRIMARY KEY,
    proposition_id TEXT    NOT NULL,
    source_id      TEXT    NOT NULL,
    stance         TEXT    NOT NULL,
    value          JSONB   NOT NULL,
    live           BOOLEAN NOT NULL
);
CREATE INDEX verdict_claim_proposition ON verdict_claim (proposition_id) WHERE live;
CREATE INDEX verdict_claim_source ON verdict_claim (source_id) WHERE live;

CREATE TABLE verdict_view (
    proposition_id TEXT        NOT NULL PRIMARY KEY,
    subject        TEXT        NOT NULL,
    predicate      TEXT        NOT NULL,
    label          TEXT,
    search_text    TEXT        NOT NULL, -- id, predicate and label, folded: case and diacritics do not count
    value_type     TEXT        NOT NULL,
    cardinality    TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    leading_position TEXT,
    live_claims    INTEGER     NOT NULL,
    summary        JSON        NOT NULL, -- the positions in brief, for lists (json keeps the field order)
    document       JSON        NOT NULL, -- the whole verdict with its explanation
    changed_at     TIMESTAMPTZ NOT NULL, -- record time of the last event that changed the verdict
    position       BIGINT      NOT NULL  -- global position of that event in the log
);
CREATE INDEX verdict_view_status_id ON verdict_view (status, proposition_id);
CREATE INDEX verdict_view_status_changed ON verdict_view (status, position DESC, proposition_id);
CREATE INDEX verdict_view_subject ON verdict_view (subject, proposition_id);
CREATE INDEX verdict_view_search ON verdict_view USING gin (search_text gin_trgm_ops);

CREATE TABLE verdict_change (
    proposition_id TEXT        NOT NULL,
    seq            INTEGER     NOT NULL,
    from_status    TEXT,
    to_status      TEXT        NOT NULL,
    leading_position TEXT,
    changed_at     TIMESTAMPTZ NOT NULL,
    position       BIGINT      NOT NULL,
    cause_type     TEXT        NOT NULL,
    cause_event    TEXT        NOT NULL,
    PRIMARY KEY (proposition_id, seq)
);
CREATE INDEX verdict_change_position ON verdict_change (position);

CREATE INDEX entity_name_view_trigram ON entity_name_view USING gin (folded gin_trgm_ops);

-- Time travel reads a proposition's claims straight from the event log.
CREATE INDEX domain_event_entry_claim_proposition ON domain_event_entry
    ((COALESCE(payload ->> 'propositionId', payload -> 'content' ->> 'propositionId')), global_index)
    WHERE payload_type IN ('ClaimRecorded', 'ClaimRevised', 'ClaimWithdrawn');
CREATE INDEX domain_event_entry_sources ON domain_event_entry (global_index)
    WHERE payload_type IN ('SourceRegistered', 'SourceRevised', 'SourceAssessed');
