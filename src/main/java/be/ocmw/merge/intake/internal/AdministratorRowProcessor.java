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
            throw item.reject(null, "the row is hidden in Excel, so it was not read: if this person is to be "
                    + "designated, show the row again (right-click the row numbers, Unhide) and submit again");
        }
        Role role = Role.parse(item.value(ROLE)).filter(r -> r != Role.SB && r != Role.USER)
                .orElseThrow(() -> item.reject(ROLE, item.value(ROLE).isEmpty() ? "the role is empty"
                        : "role '" + Cells.shorten(item.value(ROLE)) + "' must be HTB, co-HTB, TB or co-TB"));
        String domain = item.value(DOMAIN);
        if ((role == Role.TB || role == Role.CO_TB) && domain.isEmpty()) {
            throw item.reject(DOMAIN, "a " + role.label() + " manages one domain: say which (e.g. Maatschappelijk Welzijn)");
        }
        if (role.organisationLevel() && !domain.isEmpty()) {
            throw item.reject(DOMAIN, "a " + role.label() + " manages the whole organisation: leave Domein empty");
        }
        if (domain.length() > 200) {
            throw item.reject(DOMAIN, "the domain is " + domain.length() + " characters long; at most 200");
        }
        String insz;
        try {
            insz = Cells.insz(item.value(INSZ)).digits();
        } catch (InvalidIdentifierException e) {
            throw item.reject(INSZ, e.getMessage());
        }
        String lastName = required(item, LAST_NAME, 200);
        String firstName = required(item, FIRST_NAME, 200);
        String email = required(item, EMAIL, 254);
        if (!Cells.isEmail(email)) {
            throw item.reject(EMAIL, "'" + Cells.shorten(email) + "' is not an e-mail address");
        }
        String language = switch (item.value(LANGUAGE).toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "NL", "FR", "DE", "EN" -> item.value(LANGUAGE).toUpperCase(Locale.ROOT);
            default -> throw item.reject(LANGUAGE, "language '" + Cells.shorten(item.value(LANGUAGE)) + "' must be NL, FR, DE or EN");
        };
        String phone = item.value(PHONE);
        if (phone.length() > 50) {
            throw item.reject(PHONE, "the phone number is " + phone.length() + " characters long; at most 50");
        }
        return new StagedAdministrator(item.file().id(), item.row().number(), role.name(),
                domain.isEmpty() ? null : domain, insz, lastName, firstName, email, language, phone.isEmpty() ? null : phone);
    }

    private static String required(SourceItem item, Column column, int max) {
        String value = item.value(column);
        if (value.isEmpty()) {
            throw item.reject(column, column.name() + " is empty");
        }
        if (value.length() > max) {
            throw item.reject(column, column.name() + " is " + value.length() + " characters long; at most " + max);
        }
        return value;
    }

}
