-- Citations (issue 19): each source's CSL-JSON item as recorded (null for a source typed in by
-- hand), and its citation rendered in Chicago author-date when the source was written, as plain
-- text and as HTML, so that no read formats it again.
ALTER TABLE source_view ADD COLUMN bibliography JSONB;
ALTER TABLE source_view ADD COLUMN citation_formatted TEXT;
ALTER TABLE source_view ADD COLUMN citation_html TEXT;

-- Sources recorded before this had no rendered citation: the sources read model reads the log
-- again from its start on the next start-up (its position forgotten, its rows emptied), as a
-- rebuild would, so no one has to ask for it.
TRUNCATE source_view, source_history_view;
DELETE FROM token_entry WHERE processor_name = 'sources';
