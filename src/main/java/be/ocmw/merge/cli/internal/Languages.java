package be.ocmw.merge.cli.internal;

import be.ocmw.merge.input.Cells;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/** {@code --lang nl|fr}: Dutch for Flemish OCMWs, French for the CPAS. */
final class Languages {

    private Languages() {
    }

    static Locale of(CommandSpec spec, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "nl" -> Locale.forLanguageTag("nl-BE");
            case "fr" -> Locale.forLanguageTag("fr-BE");
            default -> throw new ParameterException(spec.commandLine(), "unknown language '" + Cells.shorten(value) + "': nl or fr");
        };
    }
}
