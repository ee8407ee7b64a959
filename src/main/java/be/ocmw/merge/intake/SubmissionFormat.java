package be.ocmw.merge.intake;

import be.ocmw.merge.input.Column;

import java.util.List;

/** The sheets and columns of an HTB submission workbook. */
public final class SubmissionFormat {

    public static final String OCMW_SHEET = "OCMW";
    public static final String ADMINISTRATORS_SHEET = "Beheerders";
    public static final String INSTRUCTIONS_SHEET = "Instructies";
    /** The review of the OCMW's current accounts (SPEC 4.5): optional, a workbook without it is a plain submission. */
    public static final String USERS_SHEET = "Gebruikers";

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

    // sheet Gebruikers: the account, and what the OCMW decides for it (the other columns are there to be read by people)
    public static final Column REVIEW_DOMAIN = Column.required("Domein", "Domaine");
    public static final Column REVIEW_USERNAME = Column.required("Gebruikersnaam", "Nom d'utilisateur", "Utilisateur");
    public static final Column REVIEW_DECISION = Column.optional("Beslissing", "Décision");
    public static final Column REVIEW_APPLICATIONS = Column.optional("Toepassingen niet overnemen",
            "Toepassingen intrekken", "Applications à ne pas reprendre", "Applications à retirer");
    public static final Column REVIEW_REMARK = Column.optional("Opmerking", "Remarque");
    public static final List<Column> REVIEW_COLUMNS = List.of(REVIEW_DOMAIN, REVIEW_USERNAME, REVIEW_DECISION,
            REVIEW_APPLICATIONS, REVIEW_REMARK);

    /** The roles a submission designates. */
    public static final List<String> ROLES = List.of("HTB", "co-HTB", "TB", "co-TB");
    public static final List<String> LANGUAGES = List.of("NL", "FR", "DE", "EN");

    private SubmissionFormat() {
    }
}
