package be.ocmw.merge.registry;

import be.ocmw.merge.domain.EmailAddress;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Language;
import be.ocmw.merge.domain.Scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One merger of the registry. The close date is the day before the effective date, whatever that date
 * is: most mergers take effect on 1 January, but not all (Bastogne and Bertogne on 2 December 2024).
 * {@code language}: what its coordinators read (the nightly digest is written in it); {@code recipients} (its {@code notify:} list): who is told
 * of new drift after a nightly reconciliation (coordinators, the merged OCMW's HTB), possibly nobody.
 */
public record Merger(String id, String name, Scenario scenario, LocalDate effectiveDate, LocalDate deadline,
                     Ocmw target, List<Ocmw> participants, Language language, List<EmailAddress> recipients) {

    public Merger {
        participants = List.copyOf(participants);
        language = language == null ? Language.DUTCH : language;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** C: the last day the participants' running dossiers belong to them. */
    public LocalDate closeDate() {
        return effectiveDate.minusDays(1);
    }

    /** Whether a submission of this day came after the submission deadline. */
    public boolean late(LocalDate submittedOn) {
        return deadline != null && submittedOn.isAfter(deadline);
    }

    /** The participant that becomes the merged OCMW (scenarios 2 and 3); empty in scenario 1. */
    public Optional<Ocmw> retained() {
        if (!scenario.keepsKbo()) {
            return Optional.empty();
        }
        return participants.stream().filter(p -> p.kbo().equals(target.kbo())).findFirst();
    }

    /**
     * The participants whose KBO disappears: every participant but the retained one (scenario 1: all of them, the
     * merged OCMW has a new KBO). Their access is merged into the merged OCMW, their OCMW Online requests are linked
     * to it; they are "the sources" of the access merge, fingerprinted before and after an apply.
     */
    public List<Ocmw> disappearing() {
        return participants.stream().filter(p -> !p.kbo().equals(target.kbo())).toList();
    }

    /**
     * The participants whose running dossiers are closed on C and reopened under the merged OCMW on E: every
     * participant in scenarios 1 and 2 (in scenario 2 the retained OCMW's NIS changes), the disappearing ones in 3.
     */
    public List<Ocmw> dossierSources() {
        return scenario == Scenario.KEEP_KBO_KEEP_NIS ? disappearing() : participants;
    }

    /** Whether this KBO is the target's or a participant's. */
    public boolean involves(Kbo kbo) {
        return target.kbo().equals(kbo) || participants.stream().anyMatch(p -> p.kbo().equals(kbo));
    }

    public Optional<Ocmw> participant(Kbo kbo) {
        return participants.stream().filter(p -> p.kbo().equals(kbo)).findFirst();
    }
}
