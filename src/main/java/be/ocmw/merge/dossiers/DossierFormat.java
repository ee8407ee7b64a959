package be.ocmw.merge.dossiers;

import be.ocmw.merge.input.Column;

import java.util.List;

/** The columns of the dossier export (SPEC 4.2); {@code predecessor} is only written, never read. */
public final class DossierFormat {

    public static final Column REFERENCE = Column.required("reference", "referentie", "référence", "dossier");
    public static final Column TYPE = Column.required("type", "soort");
    public static final Column INSZ = Column.required("insz", "niss", "inss", "rijksregisternummer");
    public static final Column KBO = Column.required("kbo", "bce", "ondernemingsnummer", "numéro d'entreprise");
    public static final Column START_DATE = Column.required("start_date", "startdatum", "begindatum", "date_debut", "date de début");
    public static final Column END_DATE = Column.optional("end_date", "einddatum", "date_fin", "date de fin");
    public static final Column PREDECESSOR = Column.optional("predecessor", "voorganger", "prédécesseur");

    public static final List<Column> COLUMNS = List.of(REFERENCE, TYPE, INSZ, KBO, START_DATE, END_DATE, PREDECESSOR);

    private DossierFormat() {
    }
}
