-- The statistics also read the programme registry (a project's agencies: the project filter), the community hubs'
-- monthly activity (地域づくりの拠点の参加者数・参加機関数) and which cases were opened from a つなぐシート (相談受付件数):
-- their changes move the support data version as well.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_referrals', 'programme_projects', 'programme_project_agencies', 'resource_activity_months'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER support_data_changed AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION support_data_changed()', t);
    EXECUTE format('CREATE TRIGGER support_data_truncated AFTER TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION support_data_truncated()', t);
  END LOOP;
END;
$$;
