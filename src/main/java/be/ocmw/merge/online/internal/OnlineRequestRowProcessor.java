package be.ocmw.merge.online.internal;

import be.ocmw.merge.batch.SourceItem;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.Cells;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDate;
import java.util.Locale;

import static be.ocmw.merge.online.OnlineRequestFormat.KBO;
import static be.ocmw.merge.online.OnlineRequestFormat.READ;
import static be.ocmw.merge.online.OnlineRequestFormat.REFERENCE;
import static be.ocmw.merge.online.OnlineRequestFormat.SUBMITTED_ON;

/** Checks a request row; {@code read} is true/false (also ja/nee, oui/non, 1/0). */
public class OnlineRequestRowProcessor implements ItemProcessor<SourceItem, StagedOnlineRequest> {

    @Override
    public StagedOnlineRequest process(SourceItem item) {
        String reference = item.value(REFERENCE);
        if (reference.isEmpty()) {
            throw item.reject(REFERENCE, "reference.empty");
        }
        if (reference.length() > 100) {
            throw item.reject(REFERENCE, "too_long", reference.length(), 100);
        }
        LocalDate submitted = Cells.date(item.value(SUBMITTED_ON)).orElseThrow(() -> item.reject(SUBMITTED_ON,
                Cells.dateProblem(item.value(SUBMITTED_ON))));
        String kbo;
        try {
            kbo = Kbo.parse(item.value(KBO)).digits();
        } catch (InvalidIdentifierException e) {
            throw item.reject(KBO, e.reason());
        }
        Boolean read = switch (item.value(READ).toLowerCase(Locale.ROOT)) {
            case "true", "ja", "oui", "yes", "1", "waar", "vrai" -> true;
            case "false", "nee", "non", "no", "0", "onwaar", "faux" -> false;
            default -> null;
        };
        if (read == null) {
            throw item.reject(READ, "online.read", Cells.shorten(item.value(READ)));
        }
        return new StagedOnlineRequest(item.file().id(), item.row().number(), reference, submitted, kbo, read);
    }
}
