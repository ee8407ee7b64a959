package be.ocmw.merge.chaman;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Every rule's result for one certificate file and channel; accepted when every rule passed. */
public record CertificateVerdict(Path file, Channel channel, String subject, List<RuleResult> results) {

    public boolean accepted() {
        return !results.isEmpty() && results.stream().allMatch(RuleResult::passed);
    }

    /** The verdict as an operator reads it, in Dutch ({@code nl}) or French ({@code fr}). */
    public String describe(Locale language) {
        // Dutch is the base bundle; no fallback to the machine's own language
        ResourceBundle text = ResourceBundle.getBundle("messages/chaman", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        StringBuilder out = new StringBuilder();
        out.append(MessageFormat.format(text.getString("header"), file.getFileName(), channel.name()));
        if (subject != null) {
            out.append('\n').append(MessageFormat.format(text.getString("subject"), subject));
        }
        for (RuleResult result : results) {
            out.append("\n  ").append(String.format("%-10s", result.passed() ? "OK" : text.getString("refused.mark")))
                    .append(' ').append(text.getString("rule." + result.rule())).append(": ")
                    .append(new MessageFormat(text.getString(result.message()), language).format(result.values()));
        }
        out.append('\n').append(text.getString(accepted() ? "verdict.accepted" : "verdict.refused"));
        return out.toString();
    }
}
