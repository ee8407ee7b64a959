package be.ocmw.merge.domain;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties over many generated numbers: every valid number survives format → parse in each notation,
 * and every other pair of check digits is refused. Seeded, so that a failure names a number that fails
 * again.
 */
class IdentifierPropertyTests {

    private static final int SAMPLES = 20_000;
    private final Random random = new Random(20250101L);

    @Test
    void everyValidKboSurvivesFormatAndParse() {
        for (int i = 0; i < SAMPLES; i++) {
            Kbo kbo = randomKbo();

            assertThat(Kbo.parse(kbo.formatted())).as(kbo.digits()).isEqualTo(kbo);
            assertThat(Kbo.parse(kbo.digits())).as(kbo.digits()).isEqualTo(kbo);
            assertThat(Kbo.parse(kbo.formatted().replace('.', ' '))).as(kbo.digits()).isEqualTo(kbo);
        }
    }

    @Test
    void everyOtherCheckDigitOfAKboIsRefused() {
        for (int i = 0; i < 500; i++) {
            Kbo kbo = randomKbo();
            int check = Integer.parseInt(kbo.digits().substring(8));
            int wrong = 1 + (check + random.nextInt(96)) % 97;
            if (wrong == check) {
                continue;
            }
            String digits = kbo.digits().substring(0, 8) + String.format("%02d", wrong);
            assertThatThrownBy(() -> Kbo.parse(digits)).as(digits).hasMessageContaining("check digits");
        }
    }

    @Test
    void everyValidInszSurvivesFormatAndParse() {
        for (int i = 0; i < SAMPLES; i++) {
            Insz insz = randomInsz();

            assertThat(Insz.parse(insz.formatted())).as(insz.masked()).isEqualTo(insz);
            assertThat(Insz.parse(insz.digits())).as(insz.masked()).isEqualTo(insz);
            String spaced = insz.digits().substring(0, 6) + " " + insz.digits().substring(6, 9) + " "
                    + insz.digits().substring(9);
            assertThat(Insz.parse(spaced)).as(insz.masked()).isEqualTo(insz);
        }
    }

    @Test
    void everyCheckDigitOfNeitherCenturyIsRefused() {
        for (int i = 0; i < 500; i++) {
            Insz insz = randomInsz();
            long firstNine = Long.parseLong(insz.digits().substring(0, 9));
            int wrong = random.nextInt(100);
            if (wrong == Insz.checkDigits(firstNine, false) || wrong == Insz.checkDigits(firstNine, true)) {
                continue;
            }
            String digits = insz.digits().substring(0, 9) + String.format("%02d", wrong);
            assertThatThrownBy(() -> Insz.parse(digits)).hasMessageContaining("check digits");
        }
    }

    @Test
    void everyNisCodeSurvivesFormatAndParse() {
        for (int i = 0; i < SAMPLES; i++) {
            NisCode nis = new NisCode(String.valueOf(10000 + random.nextInt(90000)));

            assertThat(NisCode.parse(nis.toString())).isEqualTo(nis);
        }
    }

    private Kbo randomKbo() {
        long firstEight = random.nextInt(2) * 10_000_000L + random.nextInt(10_000_000);
        String digits = String.format("%08d", firstEight);
        return new Kbo(digits + String.format("%02d", Kbo.checkDigits(firstEight)));
    }

    private Insz randomInsz() {
        int month = random.nextInt(13) + new int[]{0, 20, 40}[random.nextInt(3)];
        String firstNine = String.format("%02d%02d%02d%03d", random.nextInt(100), month, random.nextInt(32),
                random.nextInt(1000));
        boolean recent = random.nextBoolean();
        return new Insz(firstNine + String.format("%02d", Insz.checkDigits(Long.parseLong(firstNine), recent)));
    }
}
