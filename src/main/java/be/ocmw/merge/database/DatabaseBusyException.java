package be.ocmw.merge.database;

/** Another ocmw-merge run held the embedded database for longer than this run was willing to wait. */
public class DatabaseBusyException extends RuntimeException {

    public DatabaseBusyException(String message) {
        super(message);
    }
}
