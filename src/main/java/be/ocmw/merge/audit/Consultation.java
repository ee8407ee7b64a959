package be.ocmw.merge.audit;

import be.ocmw.merge.domain.Account;
import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.FreeText;

import java.time.OffsetDateTime;

/**
 * One consultation of personal data in full: who saw national numbers unmasked, when, what (the command or page, the
 * merger, the file), about how many persons, and why, as the social-security network's audit registers keep them.
 *
 * @param id      the log's number (0 before it is recorded)
 * @param actor   who made it: the name it was made for ({@code --by}, the dashboard user)
 * @param account the account it was made from (SPEC 10); null in consultations from before accounts were recorded
 * @param persons how many persons (distinct INSZ) the file or page shows in full
 * @param run     the run it was part of, when it was one (a command's report); null for a dashboard download
 */
public record Consultation(long id, OffsetDateTime at, String actor, Account account, Channel channel, String what,
                           String mergerId, String file, long persons, String reason, Long run) {

    /** Where the consultation happened. */
    public enum Channel { COMMAND_LINE, DASHBOARD }

    public Consultation {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a consultation names who made it");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a consultation of personal data in full needs a reason");
        }
        if (persons < 0) {
            throw new IllegalArgumentException("persons cannot be negative: " + persons);
        }
        // what somebody typed is kept and shown without a national number in full or a control character
        reason = FreeText.shown(reason.strip());
        what = FreeText.shown(what);
        actor = FreeText.shown(actor);
    }

    /** What a look-up whose reason is optional (explain by INSZ) records when none was given. */
    public static final String NO_REASON = "(no reason given)";

    /** The reason given, or {@link #NO_REASON} when there is none. */
    public static String reasonOrNone(String reason) {
        return reason == null || reason.isBlank() ? NO_REASON : reason;
    }

    /** A consultation about to be recorded: now, by {@code actor}. */
    public static Consultation of(Actor actor, Channel channel, String what, String mergerId, String file, long persons,
                                  String reason, Long run) {
        return new Consultation(0, null, actor.name(), actor.account(), channel, what, mergerId, file, persons, reason, run);
    }

    /** Who made it, with the account it was made from. */
    public Actor who() {
        return new Actor(actor, account);
    }
}
