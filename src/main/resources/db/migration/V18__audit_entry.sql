-- The audit module's one way in for the set-based statements of the other modules (docs/architecture.md): an
-- updatable view of the six columns a writer gives. An insert into it is an insert into audit, with every trigger of
-- the audit chain (V15), so no statement outside the audit module names the audit table itself.
create view audit_entry as
select run_id, table_name, row_key, action, before, after from audit;
