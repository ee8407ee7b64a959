package be.ocmw.merge.intake.internal;

import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.SourceItem;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.intake.LoadedAccounts;
import be.ocmw.merge.intake.ReviewDecision;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import static be.ocmw.merge.intake.SubmissionFormat.REVIEW_APPLICATIONS;
import static be.ocmw.merge.intake.SubmissionFormat.REVIEW_DECISION;
import static be.ocmw.merge.intake.SubmissionFormat.REVIEW_DOMAIN;
import static be.ocmw.merge.intake.SubmissionFormat.REVIEW_REMARK;
import static be.ocmw.merge.intake.SubmissionFormat.REVIEW_USERNAME;

/**
 * Checks one row of a workbook's Gebruikers sheet (SPEC 4.5): the account must exist in that organisation and domain as
 * loaded (an account reloaded away since the workbook was made is refused with that reason), the decision must be one
 * the workbook offers (Dutch or French), and every application named must be one the account has.
 */
public class ReviewRowProcessor implements ItemProcessor<SourceItem, StagedReview> {

    /** The organisation a workbook is of: whether it is the merged OCMW's, and its accounts as loaded. */
    public record Organisation(boolean merged, Map<String, LoadedAccounts.Loaded> accounts) {
    }

    private final LongFunction<Organisation> organisationOfFile;
    private final Map<Long, Organisation> organisations = new HashMap<>();

    /** @param organisationOfFile the organisation of a submission file, by its id; asked once per file */
    public ReviewRowProcessor(LongFunction<Organisation> organisationOfFile) {
        this.organisationOfFile = organisationOfFile;
    }

    @Override
    public StagedReview process(SourceItem item) {
        if (item.row().hidden()) {
            throw item.reject(null, "review.hidden");
        }
        LoadFile file = item.file();
        Organisation organisation = organisations.computeIfAbsent(file.id(), organisationOfFile::apply);
        if (organisation.accounts().isEmpty()) {
            throw item.reject(REVIEW_USERNAME, "review.not_loaded");
        }
        String domain = item.required(REVIEW_DOMAIN, 200);
        String username = item.required(REVIEW_USERNAME, 200);
        LoadedAccounts.Loaded account = LoadedAccounts.find(organisation.accounts(), domain, username)
                .orElseThrow(() -> item.reject(REVIEW_USERNAME, "review.account", Cells.shorten(username),
                        Cells.shorten(domain)));
        String decisionText = item.value(REVIEW_DECISION);
        ReviewDecision decision = ReviewDecision.parse(decisionText, organisation.merged()).orElseThrow(() ->
                item.reject(REVIEW_DECISION, "review.decision", Cells.shorten(decisionText),
                        ReviewDecision.offered(organisation.merged()).stream().map(d -> d.spelled("nl") + " / " + d.spelled("fr"))
                                .collect(Collectors.joining(", "))));
        List<String> applications = Arrays.stream(item.value(REVIEW_APPLICATIONS).split("[|;\\n]"))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        for (String application : applications) {
            if (account.applications().stream().noneMatch(application::equalsIgnoreCase)) {
                throw item.reject(REVIEW_APPLICATIONS, "review.application", Cells.shorten(application), account.username(),
                        account.applications().isEmpty() ? "-" : String.join(" | ", account.applications()));
            }
        }
        // the applications as the account spells them, whatever case the person typed
        String[] spelled = applications.stream().map(a -> account.applications().stream().filter(a::equalsIgnoreCase)
                .findFirst().orElseThrow()).toArray(String[]::new);
        String remark = item.value(REVIEW_REMARK);
        if (remark.length() > 1000) {
            throw item.reject(REVIEW_REMARK, "too_long", remark.length(), 1000);
        }
        return new StagedReview(file.id(), item.row().number(), account.domain(), account.username(), decision.name(),
                spelled, remark.isEmpty() ? null : remark);
    }
}
