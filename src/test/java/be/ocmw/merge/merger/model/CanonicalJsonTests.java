package be.ocmw.merge.merger.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's JSON written and its lists of names read back, as the apply reads them from the database. */
class CanonicalJsonTests {

    @Test
    void keysAreWrittenInOrderSoTheSameValuesGiveTheSameText() {
        assertThat(CanonicalJson.of(Map.of("b", 1, "a", List.of("x"))))
                .isEqualTo(CanonicalJson.of(new java.util.LinkedHashMap<>(Map.of("a", List.of("x"), "b", 1))))
                .isEqualTo("{\"a\":[\"x\"],\"b\":1}");
    }

    @Test
    void aListOfNamesReadsBackAsItWasWrittenWhateverItHolds() {
        List<String> names = List.of("Handiweb", "Oude \"Toepassing\"", "back\\slash", "é à ç", "tab\there", "line\nbreak", "\u0001");

        assertThat(CanonicalJson.strings(CanonicalJson.of(Map.of("a", names)).substring(5).replaceAll("}$", "")))
                .isEqualTo(names);
        // as PostgreSQL prints a jsonb array: with spaces, and control characters as \\u escapes
        assertThat(CanonicalJson.strings("[\"a\", \"b\\u0001\", \"\\/c\"]")).containsExactly("a", "b\u0001", "/c");
    }

    @Test
    void noListIsAnEmptyListAndAnythingElseIsRefusedNamingIt() {
        assertThat(CanonicalJson.strings(null)).isEmpty();
        assertThat(CanonicalJson.strings("[]")).isEmpty();
        assertThat(CanonicalJson.strings(" [ ] ")).isEmpty();
        assertThatThrownBy(() -> CanonicalJson.strings("{\"a\": 1}")).hasMessageContaining("{\"a\": 1}");
        assertThatThrownBy(() -> CanonicalJson.strings("[1, 2]")).hasMessageContaining("[1, 2]");
        assertThatThrownBy(() -> CanonicalJson.strings("[\"a\" \"b\"]")).isInstanceOf(IllegalArgumentException.class);
    }
}
