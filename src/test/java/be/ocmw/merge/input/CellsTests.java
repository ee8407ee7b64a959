package be.ocmw.merge.input;

import be.ocmw.merge.domain.InvalidIdentifierException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellsTests {

    @Test
    void anInszThatExcelStoredAsANumberGetsItsLeadingZerosBack() {
        // born 1 February 2003: 03.02.01-234.xx lost its leading zero in a numeric cell
        String firstNine = "030201234";
        String check = String.format("%02d", 97 - (2_000_000_000L + Long.parseLong(firstNine)) % 97);
        String asNumber = (firstNine + check).substring(1);

        assertThat(Cells.insz(asNumber).digits()).isEqualTo(firstNine + check);
    }

    @Test
    void nineOrTenDigitsThatAreNoInszEvenWithZerosAreStillRefused() {
        assertThatThrownBy(() -> Cells.insz("1234567890")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("has 10 digits");
    }

    @Test
    void anEmailAddressNeedsOneAtSignADomainWithADotAndNoSpaces() {
        for (String address : new String[]{"jan.peeters@ocmw-herne.be", "a@b.c", "o'brien+ocmw@sub.domein.be", "a@b..c",
                "élodie@ocmw.be", "x@[10.0.0.1].x"}) {
            assertThat(Cells.isEmail(address)).as(address).isTrue();
        }
        for (String address : new String[]{"", "jan.peeters", "@ocmw.be", "jan@", "jan@ocmw", "jan@.be", "jan@ocmw.",
                "jan@@ocmw.be", "jan@ocmw@herne.be", "jan peeters@ocmw.be", "jan@ocmw.be\n", "jan\t@ocmw.be",
                "a".repeat(250) + "@x.be"}) {
            assertThat(Cells.isEmail(address)).as(address).isFalse();
        }
    }

    @Test
    void datesComeAsIsoBelgianOrAnExcelSerialThatLostItsFormat() {
        assertThat(Cells.date("2024-03-01")).contains(LocalDate.of(2024, 3, 1));
        assertThat(Cells.date("01/03/2024")).contains(LocalDate.of(2024, 3, 1));
        assertThat(Cells.date("45292")).contains(LocalDate.of(2024, 1, 1));
        assertThat(Cells.date("31/02/2024")).isEmpty();
        assertThat(Cells.date("morgen")).isEmpty();
    }

    @Test
    void formulaLikeValuesAreNeutralisedOnTheWayOutAndRestoredOnTheWayIn() {
        for (String value : new String[]{"=1+1", "+32 2 123", "-Jan", "@SUM(A1)"}) {
            assertThat(Cells.neutralised(value)).startsWith("'");
            assertThat(Cells.unneutralised(Cells.neutralised(value))).isEqualTo(value);
        }
        assertThat(Cells.neutralised("Peeters")).isEqualTo("Peeters");
        assertThat(Cells.unneutralised("'t Hooft")).isEqualTo("'t Hooft");
    }

    @Test
    void aValueLongerThanACellHoldsIsCutSayingSoAndAShortOneIsLeftWhole() {
        String cut = Cells.forCell("=" + "r".repeat(99_999));

        assertThat(cut).hasSizeLessThanOrEqualTo(Cells.MAX_CELL).startsWith("'=rrr")
                .endsWith("… (100,000 characters, cut to fit a cell)");
        assertThat(Cells.forCell("r".repeat(Cells.MAX_CELL))).hasSize(Cells.MAX_CELL);
    }
}
