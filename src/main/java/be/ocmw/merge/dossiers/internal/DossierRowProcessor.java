package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.batch.SourceItem;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.Cells;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import static be.ocmw.merge.dossiers.DossierFormat.END_DATE;
import static be.ocmw.merge.dossiers.DossierFormat.INSZ;
import static be.ocmw.merge.dossiers.DossierFormat.KBO;
import static be.ocmw.merge.dossiers.DossierFormat.REFERENCE;
import static be.ocmw.merge.dossiers.DossierFormat.START_DATE;
import static be.ocmw.merge.dossiers.DossierFormat.TYPE;

/** Checks a dossier row and turns it into a staged dossier, or refuses it saying which column is wrong. */
public class DossierRowProcessor implements ItemProcessor<SourceItem, StagedDossier> {

    private static final Set<String> TYPES = Set.of("INTEGRATIE", "SOCIAAL_ONDERZOEK", "A036");

    @Override
    public StagedDossier process(SourceItem item) {
        String reference = item.value(REFERENCE);
        if (reference.isEmpty()) {
            throw item.reject(REFERENCE, "reference.empty");
        }
        if (reference.length() > 100) {
            throw item.reject(REFERENCE, "too_long", reference.length(), 100);
        }
        String type = item.value(TYPE).toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!TYPES.contains(type)) {
            throw item.reject(TYPE, "dossier.type", Cells.shorten(item.value(TYPE)));
        }
        String insz;
        try {
            insz = Cells.insz(item.value(INSZ)).digits();
        } catch (InvalidIdentifierException e) {
            throw item.reject(INSZ, e.reason());
        }
        String kbo;
        try {
            kbo = Kbo.parse(item.value(KBO)).digits();
        } catch (InvalidIdentifierException e) {
            throw item.reject(KBO, e.reason());
        }
        LocalDate start = Cells.date(item.value(START_DATE)).orElseThrow(() -> item.reject(START_DATE,
                Cells.dateProblem(item.value(START_DATE))));
        LocalDate end = null;
        if (!item.value(END_DATE).isEmpty()) {
            end = Cells.date(item.value(END_DATE)).orElseThrow(() -> item.reject(END_DATE, Cells.dateProblem(item.value(END_DATE))));
            if (end.isBefore(start)) {
                throw item.reject(END_DATE, "dossier.end_before_start", end, start);
            }
        }
        return new StagedDossier(item.file().id(), item.row().number(), kbo, reference, type, insz, start, end);
    }


}
