package be.ocmw.merge.audit;

/** What an audit row says happened to the row it names. */
public enum AuditAction { INSERT, UPDATE, DELETE }
