package be.ocmw.merge.intake;

import be.ocmw.merge.input.Column;

import java.util.List;

/** The sheets and columns of an HTB submission workbook. */
public final class SubmissionFormat {

    public static final String OCMW_SHEET = "OCMW";
    public static final String ADMINISTRATORS_SHEET = "Beheerders";
    public static final String INSTRUCTIONS_SHEET = "Instructies";

    public static final String MERGER = "Fusie";
    public static final String KBO = "KBO-nummer";
    public static final String NAME = "Naam OCMW";
    public static final String SUBMITTED_ON = "Ingediend op";
    public static final String SUBMITTED_BY = "Ingediend door";
    public static final List<String> OCMW_LABELS = List.of(MERGER, KBO, NAME, SUBMITTED_ON, SUBMITTED_BY);

    public static final Column ROLE = Column.required("Rol", "Rôle");
    public static final Column DOMAIN = Column.required("Domein", "Domaine");
    public static final Column INSZ = Column.required("INSZ", "NISS");
    public static final Column LAST_NAME = Column.required("Naam", "Nom");
    public static final Column FIRST_NAME = Column.required("Voornaam", "Prénom");
    public static final Column EMAIL = Column.required("E-mailadres", "Adresse e-mail", "E-mail");
    public static final Column LANGUAGE = Column.optional("Taal", "Langue");
    public static final Column PHONE = Column.optional("Telefoon", "Téléphone", "Telefoonnummer");

    public static final List<Column> COLUMNS = List.of(ROLE, DOMAIN, INSZ, LAST_NAME, FIRST_NAME, EMAIL, LANGUAGE, PHONE);

    /** The roles a submission designates. */
    public static final List<String> ROLES = List.of("HTB", "co-HTB", "TB", "co-TB");
    public static final List<String> LANGUAGES = List.of("NL", "FR", "DE", "EN");

    private SubmissionFormat() {
    }
}
