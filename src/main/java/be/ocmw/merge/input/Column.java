package be.ocmw.merge.input;

import java.util.List;

/**
 * A column of a file format: the Dutch name (used in messages and exports), the other names it may carry
 * (French and older names), and whether a file without it is unreadable.
 */
public record Column(String name, boolean required, List<String> aliases) {

    public static Column required(String name, String... aliases) {
        return new Column(name, true, List.of(aliases));
    }

    public static Column optional(String name, String... aliases) {
        return new Column(name, false, List.of(aliases));
    }
}
