package be.ocmw.merge.access;

import be.ocmw.merge.input.Column;

import java.util.List;

/** The columns of the portal's user export (SPEC 4.1), Dutch names first, French aliases after. */
public final class AccessFormat {

    /** The file (without extension) that holds an organisation's HTB and co-HTB. */
    public static final String MAIN_ADMINISTRATORS = "Hoofdtoegangsbeheerders";

    public static final Column LAST_NAME = Column.required("Naam", "Nom", "Achternaam");
    public static final Column FIRST_NAME = Column.required("Voornaam", "Prénom");
    public static final Column USERNAME = Column.required("Gebruikersnaam", "Nom d'utilisateur", "Username");
    public static final Column TYPE = Column.required("Type");
    public static final Column INSZ = Column.required("INSZ", "NISS", "Rijksregisternummer");
    public static final Column STATUS = Column.required("Status", "Statut");
    public static final Column APPLICATIONS = Column.required("Beveiligde toepassingen", "Applications sécurisées");
    public static final Column EMAIL = Column.optional("E-mailadres", "Adresse e-mail", "E-mail", "Email");
    public static final Column LANGUAGE = Column.optional("Taal", "Langue");

    public static final List<Column> COLUMNS =
            List.of(LAST_NAME, FIRST_NAME, USERNAME, TYPE, INSZ, STATUS, APPLICATIONS, EMAIL, LANGUAGE);

    private AccessFormat() {
    }
}
