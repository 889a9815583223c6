-- Sessions belong to what the user was allowed when they signed in. Whatever changes a
-- role or a State (today no route does; a future one, the CLI or an operator in SQL), every
-- session of that user ends in the same transaction, so no session keeps the old rights.
-- Password and two-factor changes are handled by the use cases, which also replace the
-- acting session with a new token.
CREATE OR REPLACE FUNCTION revoke_sessions_on_privilege_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE user_id = NEW.id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER users_revoke_sessions_on_privilege_change AFTER UPDATE OF role, state_iso3 ON users
  FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.state_iso3 IS DISTINCT FROM NEW.state_iso3)
  EXECUTE FUNCTION revoke_sessions_on_privilege_change();
