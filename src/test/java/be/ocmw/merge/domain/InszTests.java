package be.ocmw.merge.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InszTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"85.07.30-033.28", "850730 033 28", "85073003328", " 85.07.30 033 28 ", "850730-033-28"})
    void acceptsEveryNotationOfTheSpec(String text) {
        assertThat(Insz.parse(text).digits()).isEqualTo("85073003328");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            85073003328 | born before 2000
            00010100105 | born in 2000 or later (2 000 000 000 + first nine digits)
            05123112338 | born in 2000 or later
            85002100781 | unknown month (00)
            85213005012 | BIS number, month + 20
            85451234537 | BIS number, month + 40
            72205199993 | BIS number with unknown month (20)
            """)
    void acceptsValidNumbers(String digits, String why) {
        assertThat(Insz.parse(digits).digits()).as(why).isEqualTo(digits);
    }

    @Test
    void tellsTheCenturyFromTheCheckDigits() {
        assertThat(Insz.parse("00010100105").bornIn2000OrLater()).isTrue();
        assertThat(Insz.parse("00010100173").bornIn2000OrLater()).isFalse();
        assertThat(Insz.parse("85073003328").bornIn2000OrLater()).isFalse();
    }

    @Test
    void knowsBisNumbers() {
        assertThat(Insz.parse("85213005012").isBis()).isTrue();
        assertThat(Insz.parse("85451234537").isBis()).isTrue();
        assertThat(Insz.parse("85073003328").isBis()).isFalse();
    }

    @Test
    void doesNotJudgeTheDay() {
        // day 00 and day 45 exist in registrations with an unknown or fictitious day
        String dayZero = "850700033";
        String dayFortyFive = "850745033";
        assertThat(Insz.parse(withCheck(dayZero)).digits()).startsWith(dayZero);
        assertThat(Insz.parse(withCheck(dayFortyFive)).digits()).startsWith(dayFortyFive);
    }

    @ParameterizedTest(name = "month {0}")
    @ValueSource(strings = {"13", "19", "33", "39", "53", "60", "99"})
    void refusesAMonthOutsideTheRanges(String month) {
        String firstNine = "85" + month + "30033";
        assertThatThrownBy(() -> Insz.parse(withCheck(firstNine)))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("has month " + month)
                .hasMessageContaining("01–12");
    }

    @Test
    void refusesWrongCheckDigitsWithoutRevealingTheNumber() {
        assertThatThrownBy(() -> Insz.parse("85.07.30-033.29"))
                .hasMessage("INSZ '85.07.30-xxx.29' has check digits 29 that do not match the rest of the number");
    }

    @Test
    void refusesAWrongLength() {
        assertThatThrownBy(() -> Insz.parse("85.07.30-033.2"))
                .hasMessageContaining("has 10 digits: an INSZ has 11")
                .hasMessageNotContaining("033");
        assertThatThrownBy(() -> Insz.parse("8507300332812")).hasMessageContaining("has 13 digits");
    }

    @Test
    void refusesLettersAndNothing() {
        assertThatThrownBy(() -> Insz.parse("85.07.3O-033.28")).hasMessageContaining("may only contain digits");
        assertThatThrownBy(() -> Insz.parse("")).hasMessage("INSZ is empty");
    }

    @Test
    void neverShowsTheFullNumberUnlessAskedTo() {
        Insz insz = Insz.parse("85073003328");

        assertThat(insz).hasToString("85.07.30-xxx.28");
        assertThat(insz.masked()).isEqualTo("85.07.30-xxx.28");
        assertThat(insz.formatted()).isEqualTo("85.07.30-033.28");
        assertThat(String.valueOf(insz)).doesNotContain("033");
    }

    @Test
    void aVeryLongCellIsCutInTheMessage() {
        String cell = "8".repeat(5000);
        assertThatThrownBy(() -> Insz.parse(cell)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INSZ 81.02.16-678.72|INSZ 81.02.16-xxx.72",
            "81.02.16-678.72 Lotte|81.02.16-xxx.72 Lotte",
            "81021667872|810216xxx72",
            "81 02 16 678 72|81 02 16 xxx 72",
            "81 . 02 . 16 - 678 . 72|81 . 02 . 16 - xxx . 72",
            "81/02/16_678,72|81/02/16_xxx,72",
            "\uff18\uff11\uff10\uff12\uff11\uff16\uff16\uff17\uff18\uff17\uff12|\uff18\uff11\uff10\uff12\uff11\uff16xxx\uff17\uff12",
            "\u0668\u0661.\u0660\u0662.\u0661\u0666-\u0666\u0667\u0668.\u0667\u0662|\u0668\u0661.\u0660\u0662.\u0661\u0666-xxx.\u0667\u0662",
            "81\u00a002\u2009\u200916\u2013678\u3000\u300072|81\u00a002\u2009\u200916\u2013xxx\u3000\u300072",
            "8102166787281021667872|810216xxxxxxxxxxxxxx72",
    })
    void masksEveryRunOfElevenDigitsWhateverItsSeparatorsAndScript(String typed, String shown) {
        assertThat(Insz.maskedIn(typed)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KBO 0212.978.247", "op 07/12/2026 om 12:10", "run 11 of 12", "81.02.16-678", "a 1234567890 b",
            "12:10:11 12:10:11"})
    void leavesKboNumbersDatesAndShortNumbersAsTheyAre(String text) {
        assertThat(Insz.maskedIn(text)).isEqualTo(text);
    }

    /** Appends the pre-2000 check digits to nine digits. */
    static String withCheck(String firstNine) {
        return firstNine + String.format("%02d", 97 - Long.parseLong(firstNine) % 97);
    }
}
