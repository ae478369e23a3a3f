-- Revisions are the audit trail of every figure: the database refuses to change or remove one.
CREATE TRIGGER actual_revisions_append_only BEFORE UPDATE OR DELETE ON actual_revisions
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER actual_revisions_no_truncate BEFORE TRUNCATE ON actual_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
