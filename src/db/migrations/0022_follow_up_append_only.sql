-- Follow-up histories are append-only (docs/FOLLOW-UP.md §2): a correction is a new version
-- row; the database itself refuses to change or remove one, whoever asks.
CREATE OR REPLACE FUNCTION follow_up_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER follow_up_self_reports_append_only BEFORE UPDATE OR DELETE ON follow_up_self_reports FOR EACH ROW EXECUTE FUNCTION follow_up_refuse_change();
--> statement-breakpoint
CREATE TRIGGER follow_up_assessments_append_only BEFORE UPDATE OR DELETE ON follow_up_assessments FOR EACH ROW EXECUTE FUNCTION follow_up_refuse_change();
--> statement-breakpoint
CREATE TRIGGER follow_up_actions_append_only BEFORE UPDATE OR DELETE ON follow_up_actions FOR EACH ROW EXECUTE FUNCTION follow_up_refuse_change();
--> statement-breakpoint
CREATE TRIGGER follow_up_action_progress_append_only BEFORE UPDATE OR DELETE ON follow_up_action_progress FOR EACH ROW EXECUTE FUNCTION follow_up_refuse_change();
--> statement-breakpoint
CREATE TRIGGER follow_up_evidence_files_append_only BEFORE UPDATE OR DELETE ON follow_up_evidence_files FOR EACH ROW EXECUTE FUNCTION follow_up_refuse_change();
--> statement-breakpoint
-- A round is only ever closed, once: its number and dates never change and it is never removed.
CREATE OR REPLACE FUNCTION follow_up_rounds_close_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.closed_on IS NOT NULL OR NEW.review_id <> OLD.review_id OR NEW.number <> OLD.number
     OR NEW.opens_on <> OLD.opens_on OR NEW.due_on <> OLD.due_on OR NEW.opened_by <> OLD.opened_by OR NEW.opened_at <> OLD.opened_at THEN
    RAISE EXCEPTION 'follow_up_rounds: only closing an open round is allowed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER follow_up_rounds_close_only BEFORE UPDATE OR DELETE ON follow_up_rounds FOR EACH ROW EXECUTE FUNCTION follow_up_rounds_close_only();
