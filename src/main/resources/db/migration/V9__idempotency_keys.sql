-- Answers to writes sent with an Idempotency-Key, by caller and key, kept at least 24 hours (ADR 14).
-- A row without a status is a request still being answered.
CREATE TABLE idempotent_answer (
    caller       TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request      TEXT        NOT NULL,
    status       INTEGER,
    content_type TEXT,
    location     TEXT,
    etag         TEXT,
    body         TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotent_answer_created_at ON idempotent_answer (created_at);
