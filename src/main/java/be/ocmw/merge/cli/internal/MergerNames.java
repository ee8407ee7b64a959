package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.RegistryResult;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The merger a command names, found in the registry file before anything starts: a typo is answered at once, with the
 * mergers it may have meant, instead of after the application and the database have started.
 */
final class MergerNames {

    private MergerNames() {
    }

    /**
     * The registry's id of the merger {@code typed} names, by its id or its name in any case; a usage error naming the
     * closest ones otherwise. An invalid registry is left to the application, which says everything that is wrong.
     */
    static String resolve(RegistryOption registry, String typed) {
        RegistryResult result = registry.load();
        if (!result.valid()) {
            return typed;
        }
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        for (Merger merger : result.mergers()) {
            if (merger.id().toLowerCase(Locale.ROOT).equals(wanted) || merger.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return merger.id();
            }
        }
        List<String> close = result.mergers().stream().map(Merger::id)
                .filter(id -> distance(id, wanted) <= Math.max(2, wanted.length() / 3) || id.startsWith(wanted)
                        || (wanted.length() >= 4 && id.contains(wanted)))
                .sorted(Comparator.comparingInt(id -> distance(id, wanted)))
                .limit(3).toList();
        throw new UsageException("unknown merger '" + Cells.shorten(typed) + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + " The mergers of " + result.file() + " are: "
                + result.mergers().stream().map(Merger::id).collect(Collectors.joining(", ")));
    }

    /** Levenshtein's: how many letters to add, remove or change to make one word the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
