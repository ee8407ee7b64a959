package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command that reads data, run where there is no database: said plainly (where it looked, how to point at the
 * data) instead of making an empty database there and reporting nothing, which would look as if the data were gone.
 */
class NoDatabaseException extends RuntimeException implements ExitCode.Carrier {

    NoDatabaseException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCode.INPUT;
    }

    /** Refuses when the command would use the embedded database and there is none in its folder yet. */
    static void requireData(String urlOption) {
        String url = urlOption != null && !urlOption.isBlank() ? urlOption : System.getenv("OCMW_DB_URL");
        if (url != null && !url.isBlank()) {
            return;
        }
        Path home = Path.of(be.ocmw.merge.cli.OcmwMergeCli.home()).toAbsolutePath().normalize();
        if (!Files.exists(home.resolve("pgdata.ready"))) {
            throw new NoDatabaseException("There is no ocmw-merge database in " + home + ", so there is nothing to read. "
                    + "Run the command in the folder where the data was loaded (it has a .ocmw folder), or point OCMW_HOME "
                    + "at that database (OCMW_HOME=/path/to/.ocmw), or --db-url at a PostgreSQL server. A load "
                    + "(load access DIR) or an intake creates the database here. Nothing was created.");
        }
    }
}
