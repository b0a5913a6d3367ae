-- Published versions are immutable: no code path may change or remove one.
CREATE OR REPLACE FUNCTION gongkai_refuse_version_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'report_versions are immutable: a published version cannot be %', lower(TG_OP)
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_versions_immutable
  BEFORE UPDATE OR DELETE ON report_versions
  FOR EACH ROW EXECUTE FUNCTION gongkai_refuse_version_change();
--> statement-breakpoint
CREATE TRIGGER report_versions_no_truncate
  BEFORE TRUNCATE ON report_versions
  FOR EACH STATEMENT EXECUTE FUNCTION gongkai_refuse_version_change();
--> statement-breakpoint
CREATE TRIGGER report_findings_immutable
  BEFORE UPDATE OR DELETE ON report_findings
  FOR EACH ROW EXECUTE FUNCTION gongkai_refuse_version_change();
