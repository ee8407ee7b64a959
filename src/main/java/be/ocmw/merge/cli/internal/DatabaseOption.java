package be.ocmw.merge.cli.internal;

import picocli.CommandLine.Option;

/** {@code --db-url URL}, for every command that uses the database. */
class DatabaseOption {

    @Option(names = "--db-url", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL server (also OCMW_DB_URL, with OCMW_DB_USER and "
                    + "OCMW_DB_PASSWORD). Without it, the embedded database in ./.ocmw is used.")
    String url;
}
