package be.ocmw.merge.intake.internal;

import be.ocmw.merge.domain.Role;
import be.ocmw.merge.batch.SourceItem;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.input.Column;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.Locale;

import static be.ocmw.merge.intake.SubmissionFormat.DOMAIN;
import static be.ocmw.merge.intake.SubmissionFormat.EMAIL;
import static be.ocmw.merge.intake.SubmissionFormat.FIRST_NAME;
import static be.ocmw.merge.intake.SubmissionFormat.INSZ;
import static be.ocmw.merge.intake.SubmissionFormat.LANGUAGE;
import static be.ocmw.merge.intake.SubmissionFormat.LAST_NAME;
import static be.ocmw.merge.intake.SubmissionFormat.PHONE;
import static be.ocmw.merge.intake.SubmissionFormat.ROLE;

/** Checks one designated administrator: role, domain where a role needs one, INSZ, names, e-mail, language. */
public class AdministratorRowProcessor implements ItemProcessor<SourceItem, StagedAdministrator> {

    @Override
    public StagedAdministrator process(SourceItem item) {
        if (item.row().hidden()) {
            // the submission is read as the person who filled it in sees it: a hidden row is not a designation
            throw item.reject(null, "row.hidden");
        }
        Role role = Role.parse(item.value(ROLE)).filter(r -> r != Role.SB && r != Role.USER)
                .orElseThrow(() -> item.value(ROLE).isEmpty() ? item.reject(ROLE, "role.empty")
                        : item.reject(ROLE, "role.unknown", Cells.shorten(item.value(ROLE))));
        String domain = item.value(DOMAIN);
        if ((role == Role.TB || role == Role.CO_TB) && domain.isEmpty()) {
            throw item.reject(DOMAIN, "domain.needed", role.label());
        }
        if (role.organisationLevel() && !domain.isEmpty()) {
            throw item.reject(DOMAIN, "domain.not_needed", role.label());
        }
        if (domain.length() > 200) {
            throw item.reject(DOMAIN, "too_long", domain.length(), 200);
        }
        String insz;
        try {
            insz = Cells.insz(item.value(INSZ)).digits();
        } catch (InvalidIdentifierException e) {
            throw item.reject(INSZ, e.reason());
        }
        String lastName = item.required(LAST_NAME, 200);
        String firstName = item.required(FIRST_NAME, 200);
        String email = item.required(EMAIL, 254);
        if (!Cells.isEmail(email)) {
            throw item.reject(EMAIL, "email", Cells.shorten(email));
        }
        String language = switch (item.value(LANGUAGE).toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "NL", "FR", "DE", "EN" -> item.value(LANGUAGE).toUpperCase(Locale.ROOT);
            default -> throw item.reject(LANGUAGE, "language", Cells.shorten(item.value(LANGUAGE)));
        };
        String phone = item.value(PHONE);
        if (phone.length() > 50) {
            throw item.reject(PHONE, "too_long", phone.length(), 50);
        }
        return new StagedAdministrator(item.file().id(), item.row().number(), role.name(),
                domain.isEmpty() ? null : domain, insz, lastName, firstName, email, language, phone.isEmpty() ? null : phone);
    }
}
