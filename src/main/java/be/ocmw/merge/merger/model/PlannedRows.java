package be.ocmw.merge.merger.model;

import be.ocmw.merge.domain.Role;
import be.ocmw.merge.registry.Merger;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The rows of a stored plan that its reports list and that are too many to hold (a million dossiers): streamed, in
 * the order the reports show them, by the features that own them. Part of the report model: a writer gets them from
 * here and formats them; it reads no table itself.
 */
public final class PlannedRows {

    private PlannedRows() {
    }

    /** A dossier a plan closes; {@code successor} the reference it is reopened under, null when only closed. */
    public record Dossier(String kbo, String reference, String type, String insz, LocalDate start, LocalDate originalEnd,
                          String successor) {
    }

    /** A dossier under a disappearing KBO that starts on or after E: listed, left alone. */
    public record LaterDossier(String kbo, String reference, String type, String insz, LocalDate start, LocalDate end) {
    }

    /** An OCMW Online request a plan links to the merged OCMW. */
    public record Request(String reference, LocalDate submittedOn, String kbo) {
    }

    /** An administrator a stored plan gives the merged OCMW: a new account ({@code created}) or one it updates. */
    public record Administrator(boolean created, String domain, Role role, String username, String firstName,
                                String lastName, String insz, String email) {
    }

    /** The administrators of a stored plan, implemented by the access feature. */
    public interface Administrators {

        /** The (co-)HTB and (co-)TB the changes of plan {@code rows} create or update, in the plan's order. */
        java.util.List<Administrator> of(long rows);
    }

    /** The dossiers of a stored plan, implemented by the dossiers feature. */
    /** What a stored plan takes away from the merged OCMW (SPEC 5.7), in the order the plan lists it. */
    public interface Corrections {

        java.util.List<PlanChange.Correction> of(long rows);
    }

    public interface Dossiers {

        /** The first {@code limit} (null: all) dossiers of plan {@code rows}, in KBO and reference order. */
        void planned(long rows, Integer limit, Consumer<Dossier> each);

        int count(long rows);

        /** The distinct INSZ of the dossiers of plan {@code rows}: whom a report with full INSZ shows. */
        void persons(long rows, Consumer<String> each);

        /** The merger's dossiers that start on or after E under a disappearing KBO, in KBO and reference order. */
        void later(Merger merger, Consumer<LaterDossier> each);
    }

    /** The OCMW Online requests of a stored plan, implemented by the OCMW Online feature. */
    public interface Requests {

        /** The first {@code limit} (null: all) requests of plan {@code rows}, in KBO and reference order. */
        void planned(long rows, Integer limit, Consumer<Request> each);

        int count(long rows);
    }
}
