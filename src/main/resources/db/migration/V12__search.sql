-- search reads the verdicts' statuses that changed since it last looked (search.view.Statuses)
CREATE INDEX IF NOT EXISTS verdict_view_position ON verdict_view (position);
