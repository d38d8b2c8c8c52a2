-- The embedded database's counterpart of the PostgreSQL append-only triggers.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW CALL 'dev.hikyaku.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW CALL 'dev.hikyaku.audit.AppendOnlyTrigger';
