package be.ocmw.merge.input;

import be.ocmw.merge.access.AccessFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderTests {

    private static final Path FILE = Path.of("Maatschappelijk Welzijn.csv");

    @Test
    void frenchHeadersInAnyOrderCaseOrAccentsFindTheirColumns() {
        List<String> cells = List.of("STATUT", "nom d utilisateur", "Prenom", "Nom", "Type", "NISS", "applications securisees");

        Header header = Header.match(FILE, "", cells, AccessFormat.COLUMNS);
        SourceRow row = new SourceRow(2, List.of("Actif", "mdupont", "Marie", "Dupont", "LB", "", "Handiweb"));

        assertThat(header.value(row, AccessFormat.USERNAME)).isEqualTo("mdupont");
        assertThat(header.value(row, AccessFormat.FIRST_NAME)).isEqualTo("Marie");
        assertThat(header.value(row, AccessFormat.STATUS)).isEqualTo("Actif");
        assertThat(header.value(row, AccessFormat.EMAIL)).isEmpty();
    }

    @Test
    void aMisspelledRequiredHeaderMakesTheFileUnreadableNamingWhatIsMissingAndWhatIsThere() {
        List<String> cells = List.of("Naam", "Voornaam", "Gebruikersnam", "Type", "INSZ", "Status", "Beveiligde toepassingen");

        assertThatThrownBy(() -> Header.match(FILE, "", cells, AccessFormat.COLUMNS))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("lacks the column 'Gebruikersnaam' (or 'Nom d'utilisateur')")
                .hasMessageContaining("it has: Naam, Voornaam, Gebruikersnam");
    }

    @Test
    void extraColumnsAreIgnoredAndNamedAndPasswordLikeColumnsAreNeverRead() {
        List<String> cells = List.of("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status",
                "Beveiligde toepassingen", "Afdeling", "Wachtwoord", "Mot de passe");

        Header header = Header.match(FILE, "", cells, AccessFormat.COLUMNS);

        assertThat(header.ignored()).containsExactly("Afdeling");
        assertThat(header.passwordColumns()).containsExactly("Wachtwoord", "Mot de passe");
    }

    @Test
    void aColumnTwiceIsAnError() {
        List<String> cells = List.of("Naam", "Nom", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status",
                "Beveiligde toepassingen");

        assertThatThrownBy(() -> Header.match(FILE, "", cells, AccessFormat.COLUMNS))
                .hasMessageContaining("the column 'Naam' appears twice");
    }
}
