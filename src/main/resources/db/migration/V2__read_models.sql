-- Read models. Every table here is derived from the event log and can be emptied and rebuilt.

CREATE TABLE source_view (
    id            TEXT        NOT NULL PRIMARY KEY,
    title         TEXT        NOT NULL,
    authors       JSONB       NOT NULL,
    kind          TEXT        NOT NULL,
    published     TEXT,
    language      TEXT,
    origin        TEXT        NOT NULL,
    derived_from  JSONB       NOT NULL,
    citation      TEXT,
    grade         CHAR(1)     NOT NULL DEFAULT 'F',
    version       BIGINT      NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    registered_by TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE source_history_view (
    source_id   TEXT        NOT NULL,
    seq         BIGINT      NOT NULL,
    kind        TEXT        NOT NULL, -- registered, revised, assessed
    grade       CHAR(1),
    rationale   TEXT,
    reason      TEXT,
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT,
    PRIMARY KEY (source_id, seq)
);

CREATE TABLE claim_view (
    id                TEXT        NOT NULL PRIMARY KEY,
    source_id         TEXT        NOT NULL,
    proposition_id    TEXT        NOT NULL,
    stance            TEXT        NOT NULL,
    value             JSONB       NOT NULL,
    locator           TEXT,
    quote             TEXT,
    quote_language    TEXT,
    translation       TEXT,
    via               TEXT,
    note              TEXT,
    event_when        TEXT,
    withdrawn         BOOLEAN     NOT NULL DEFAULT FALSE,
    withdrawal_reason TEXT,
    revision_reason   TEXT,
    version           BIGINT      NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    recorded_by       TEXT,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX claim_view_source ON claim_view (source_id, id);
CREATE INDEX claim_view_proposition ON claim_view (proposition_id, id);

CREATE TABLE proposition_view (
    id          TEXT        NOT NULL PRIMARY KEY,
    subject     TEXT        NOT NULL,
    predicate   TEXT        NOT NULL,
    value_type  TEXT        NOT NULL,
    cardinality TEXT        NOT NULL,
    label       TEXT,
    version     BIGINT      NOT NULL,
    defined_at  TIMESTAMPTZ NOT NULL,
    defined_by  TEXT
);
CREATE INDEX proposition_view_subject ON proposition_view (subject, id);

CREATE TABLE entity_view (
    id         TEXT        NOT NULL PRIMARY KEY,
    kind       TEXT,
    labels     JSONB       NOT NULL,
    aliases    JSONB       NOT NULL,
    wikidata   TEXT,
    version    BIGINT      NOT NULL,
    defined_at TIMESTAMPTZ NOT NULL
);

-- Every name of every entity, folded (lower case, no diacritics), for lookups: krakow finds Kraków.
CREATE TABLE entity_name_view (
    entity_id TEXT NOT NULL,
    folded    TEXT NOT NULL,
    PRIMARY KEY (folded, entity_id)
);
