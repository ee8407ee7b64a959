-- When the reports of an apply were written. The job marks its plan APPLIED in its last step; the reports come
-- after it, so a process killed in between leaves an APPLIED plan without reports (reported_at null), and the next
-- apply of the merger writes them from the stored plan and the audit trail instead of applying anything.
alter table plan add column reported_at timestamptz;

-- the applies made before this column existed wrote their reports (or an operator saw them fail)
update plan set reported_at = created_at where mode = 'APPLY' and status = 'APPLIED';
