/**
 * Where the data lives. Without a JDBC URL, ocmw-merge runs its own PostgreSQL whose files stay in
 * {@code ./.ocmw/} between runs, so that {@code plan} in one run and {@code apply} in the next see the
 * same data; one command at a time holds it, and a second one waits for it or says who holds it. With
 * {@code --db-url} (or {@code OCMW_DB_URL}) it uses that PostgreSQL server instead. Flyway migrates
 * either to the current schema before a command touches it.
 */
package be.ocmw.merge.database;
