package be.ocmw.merge.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KboTests {

    @ParameterizedTest(name = "{0} is KBO {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0212.235.604     | 0212235604
            0212 235 604     | 0212235604
            0212235604       | 0212235604
            BE0212.235.604   | 0212235604
            212.235.604      | 0212235604
            ' 0202.239.951 ' | 0202239951
            0206.731.645     | 0206731645
            0406.798.006     | 0406798006
            1002.209.443     | 1002209443
            """)
    void acceptsEveryUsualNotationOfAValidNumber(String text, String digits) {
        Kbo kbo = Kbo.parse(text);

        assertThat(kbo.digits()).isEqualTo(digits);
    }

    @Test
    void formatsItselfWithDots() {
        assertThat(Kbo.parse("0212235604").formatted()).isEqualTo("0212.235.604");
        assertThat(Kbo.parse("1002209443")).hasToString("1002.209.443");
    }

    @Test
    void refusesWrongCheckDigitsAndSaysWhichAreExpected() {
        assertThatThrownBy(() -> Kbo.parse("0212.235.605"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("KBO number '0212.235.605' has check digits 05 where 04 is expected");
    }

    @Test
    void refusesAWrongLengthAndSaysHowManyDigitsItHas() {
        assertThatThrownBy(() -> Kbo.parse("0212.235.6"))
                .hasMessageContaining("'0212.235.6'")
                .hasMessageContaining("has 8 digits");
        assertThatThrownBy(() -> Kbo.parse("21.223.560"))
                .hasMessageContaining("has 8 digits: a KBO number has 10");
        assertThatThrownBy(() -> Kbo.parse("00212.235.6044"))
                .hasMessageContaining("has 12 digits");
    }

    @Test
    void refusesLettersAndAFirstDigitOtherThanZeroOrOne() {
        assertThatThrownBy(() -> Kbo.parse("0212.2X5.604")).hasMessageContaining("may only contain digits");
        // 2212.235.6xx with correct check digits is still not a KBO number
        String firstEight = "22122356";
        String valid = firstEight + String.format("%02d", 97 - Long.parseLong(firstEight) % 97);
        assertThatThrownBy(() -> Kbo.parse(valid)).hasMessageContaining("must start with 0 or 1");
    }

    @Test
    void refusesNothing() {
        assertThatThrownBy(() -> Kbo.parse("  ")).hasMessage("KBO number is empty");
        assertThatThrownBy(() -> Kbo.parse(null)).hasMessage("KBO number is empty");
    }

    @Test
    void theConstructorChecksToo() {
        assertThatThrownBy(() -> new Kbo("0212235605")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new Kbo("0212.235.604")).hasMessageContaining("may only contain digits");
    }
}
