-- Retraction (domain.md): a source's retraction is kept with the verdicts' copy of the source, so a
-- working copy read back from these tables weighs it as the fold did.
ALTER TABLE verdict_source ADD COLUMN retraction JSONB; -- {"reason","date","recordedBy"}, null when not retracted

-- A status change caused by something done to a source names that source (a retraction, a grade).
ALTER TABLE verdict_change ADD COLUMN cause_source TEXT;

-- Time travel reads every source event from the log. The kinds listed here must be the source
-- kinds the fold reads (verdict.Dossier.READS); LogIndexesTest fails when they drift.
DROP INDEX IF EXISTS domain_event_entry_sources;
CREATE INDEX domain_event_entry_verdict_sources ON domain_event_entry (global_index)
    WHERE payload_type IN ('SourceRegistered', 'SourceRevised', 'SourceAssessed', 'SourceRetracted', 'SourceReinstated');

-- The source view shows a retraction in force, and its history keeps each retraction's date.
ALTER TABLE source_view ADD COLUMN retraction JSONB; -- {"reason","date","recordedBy","recordedAt"}
ALTER TABLE source_history_view ADD COLUMN date TEXT; -- a retraction's own date (when it was published)

-- update_feed.type now also takes source-retracted and source-reinstated (domain.md, "Retraction").
