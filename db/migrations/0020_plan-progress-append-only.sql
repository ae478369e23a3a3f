-- Quarterly progress on plans is a record, like the action log's notes and figures' revisions:
-- the database itself refuses to change or remove a note.
CREATE TRIGGER plan_progress_notes_append_only BEFORE UPDATE OR DELETE ON plan_progress_notes
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_progress_notes_no_truncate BEFORE TRUNCATE ON plan_progress_notes
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
