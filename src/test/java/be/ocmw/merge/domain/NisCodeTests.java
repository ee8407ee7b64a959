package be.ocmw.merge.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NisCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"23106", "11002", "73110", "21004", " 44088 ", "92094"})
    void acceptsFiveDigitsStartingWithAProvince(String text) {
        assertThat(NisCode.parse(text).code()).isEqualTo(text.trim());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2310     | must be 5 digits
            231066   | must be 5 digits
            23A06    | must be 5 digits
            01234    | must start with a province digit
            """)
    void refusesAnythingElseAndNamesIt(String text, String reason) {
        assertThatThrownBy(() -> NisCode.parse(text))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(reason);
    }
}
