-- The operation log is append-only for everyone who connects through the application, including
-- the table's owner: UPDATE, DELETE and TRUNCATE raise an error. Only a superuser who disables the
-- triggers (or sets session_replication_role) can edit rows, and `hikyaku audit verify` then shows
-- the first broken link. See docs/operations.md, "Protecting the operation log".
CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Defence in depth when the application connects as a role other than the owner.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
