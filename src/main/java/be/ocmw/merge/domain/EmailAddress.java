package be.ocmw.merge.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address someone is told at: one local part, one {@code @}, a domain with a dot; no spaces, no display
 * name, no list. Kept as written, compared without case (mail servers treat the domain so, and nobody here relies
 * on a case-sensitive local part).
 */
public record EmailAddress(String address) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".]{2,}");

    public EmailAddress {
        if (address == null || !SHAPE.matcher(address).matches() || address.contains("..")) {
            throw new InvalidIdentifierException("e-mail address " + Digits.quote(address)
                    + " is not an address like naam@ocmw.be (one @, a domain with a dot, no spaces)");
        }
    }

    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("e-mail address is empty");
        }
        return new EmailAddress(text.trim());
    }

    /** The same mailbox, whatever the case it was written in. */
    public boolean sameAs(EmailAddress other) {
        return address.toLowerCase(Locale.ROOT).equals(other.address.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return address;
    }
}
