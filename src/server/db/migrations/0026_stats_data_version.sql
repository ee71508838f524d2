-- 統計 reuses a computed answer while the municipality's support data version has not moved (support_data_versions).
-- Every transaction that inserts, changes or deletes a row the measures count moves it once, at commit: the trigger
-- is deferred, so the version row is locked only while the transaction commits (never while it still takes other
-- locks, which could deadlock two writers), and the change and the new version become visible together. A
-- transaction-local setting lists the municipalities already moved, so a bulk insert moves the version once.
CREATE OR REPLACE FUNCTION support_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
  moved text := coalesce(current_setting('tsunagu.support_data_moved', true), '');
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD.municipality_id; ELSE changed := NEW.municipality_id; END IF;
  IF position(changed::text IN moved) > 0 THEN RETURN NULL; END IF;
  INSERT INTO support_data_versions AS v (municipality_id, version) VALUES (changed, 1)
    ON CONFLICT (municipality_id) DO UPDATE SET version = v.version + 1;
  PERFORM set_config('tsunagu.support_data_moved', moved || changed::text || ',', true);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE names no municipality: every version moves.
CREATE OR REPLACE FUNCTION support_data_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE support_data_versions SET version = version + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The tables the measures read (modules/measures/data-version.ts MEASURED_TABLES; its test checks each has both).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agencies', 'persons', 'referrals', 'cases', 'case_records', 'case_closures',
                           'meeting_kinds', 'districts', 'meetings', 'support_plans', 'resources', 'placements',
                           'placement_events'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER support_data_changed AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION support_data_changed()', t);
    EXECUTE format('CREATE TRIGGER support_data_truncated AFTER TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION support_data_truncated()', t);
  END LOOP;
END;
$$;
