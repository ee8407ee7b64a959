package be.ocmw.merge.online;

import be.ocmw.merge.input.Column;

import java.util.List;

/** The columns of the OCMW Online request export (SPEC 4.3). */
public final class OnlineRequestFormat {

    public static final Column REFERENCE = Column.required("reference", "referentie", "référence");
    public static final Column SUBMITTED_ON = Column.required("submitted_on", "ingediend_op", "ingediend op", "date_soumission");
    public static final Column KBO = Column.required("kbo", "bce", "ondernemingsnummer");
    public static final Column READ = Column.required("read", "gelezen", "lu");

    public static final List<Column> COLUMNS = List.of(REFERENCE, SUBMITTED_ON, KBO, READ);

    private OnlineRequestFormat() {
    }
}
