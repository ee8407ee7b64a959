/**
 * Where the data lives. Without a JDBC URL, ocmw-merge runs its own PostgreSQL whose files stay in
 * {@code ./.ocmw/} between runs, so that {@code plan} in one run and {@code apply} in the next see the
 * same data. It is one server for every process on the folder: the first one that needs it starts it, the others
 * connect, and it stops an idle time after the last one is done ({@link be.ocmw.merge.database.IdleWatch}). With
 * {@code --db-url} (or {@code OCMW_DB_URL}) it uses that PostgreSQL server instead. Flyway migrates either to the
 * current schema before a command touches it ({@code serve} at every start, the quick commands when it is behind).
 */
package be.ocmw.merge.database;
