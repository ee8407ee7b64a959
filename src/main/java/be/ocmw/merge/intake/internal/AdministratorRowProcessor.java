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

    private final java.util.function.LongFunction<java.util.Map<String, be.ocmw.merge.intake.LoadedAccounts.Loaded>> accountsOfFile;
    private final java.util.Map<Long, java.util.Map<String, String>> maskedByFile = new java.util.HashMap<>();

    /**
     * @param accountsOfFile the accounts of a submission file's organisation as loaded, by the file's id: a pre-filled
     *                       workbook names its current administrators with their INSZ masked (SPEC 4.5), which is
     *                       theirs when exactly one person of that organisation has it
     */
    public AdministratorRowProcessor(
            java.util.function.LongFunction<java.util.Map<String, be.ocmw.merge.intake.LoadedAccounts.Loaded>> accountsOfFile) {
        this.accountsOfFile = accountsOfFile;
    }

    public AdministratorRowProcessor() {
        this(file -> java.util.Map.of());
    }

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
        String typed = item.value(INSZ);
        if (typed.toLowerCase(Locale.ROOT).contains("xxx")) {
            insz = unmasked(item, typed);
        } else {
            try {
                insz = Cells.insz(typed).digits();
            } catch (InvalidIdentifierException e) {
                throw item.reject(INSZ, e.reason());
            }
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

    /** The INSZ a masked number of the pre-filled workbook stands for: the one person of the organisation who has it. */
    private String unmasked(SourceItem item, String typed) {
        java.util.Map<String, String> masked = maskedByFile.computeIfAbsent(item.file().id(), file -> {
            java.util.Map<String, String> byMask = new java.util.HashMap<>();
            accountsOfFile.apply(file).values().stream().filter(a -> a.insz() != null).map(a -> a.insz()).distinct()
                    .forEach(insz -> byMask.merge(new be.ocmw.merge.domain.Insz(insz).masked(), insz, (a, b) -> ""));
            return byMask;
        });
        String key = typed.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        String insz = masked.get(key);
        if (insz == null || insz.isEmpty()) {
            throw item.reject(INSZ, insz == null ? "insz.masked.unknown" : "insz.masked.ambiguous", Cells.shorten(typed));
        }
        return insz;
    }
}
