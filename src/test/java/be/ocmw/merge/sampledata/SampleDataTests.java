package be.ocmw.merge.sampledata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataTests {

    @TempDir
    Path folder;

    @Test
    void theSameSeedWritesTheSameData() throws Exception {
        new SampleData(2025, 1).write(folder.resolve("a"));
        new SampleData(2025, 1).write(folder.resolve("b"));

        for (String file : List.of("dossiers.csv", "online-requests.csv", "access/0212235604/Maatschappelijk Welzijn.csv",
                "access/0212281728/Maatschappelijk Welzijn.csv")) {
            assertThat(Files.readAllBytes(folder.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(folder.resolve("a").resolve(file)));
        }
    }

    @Test
    void itHoldsWhatRealExportsHold() throws Exception {
        SampleData.Summary summary = new SampleData(2025, 1).write(folder);

        String herne = Files.readString(folder.resolve("access/0212281728/Maatschappelijk Welzijn.csv"),
                Charset.forName("windows-1252"));
        String dossiers = Files.readString(folder.resolve("dossiers.csv"));
        assertThat(herne).startsWith("Nom,Prénom,Nom d'utilisateur").contains("Bloqué");
        assertThat(folder.resolve("access/0212600838/Maatschappelijk Welzijn.xlsx")).exists();
        assertThat(dossiers).contains(";2024-12-31\r\n").contains(";2025-01-01;").contains("/2024;");
        assertThat(Files.list(folder.resolve("submissions")).toList()).hasSize(7);
        assertThat(summary.accounts()).isBetween(600, 700);
        assertThat(new SampleData(2025, 3).write(folder.resolve("x3")).accounts()).isGreaterThan(3 * 600);
    }

    @Test
    void aWaveHoldsEveryMergerOfTheRegistryWithItsShareOfAccountsAndDossiersAndASubmissionEach() throws Exception {
        List<be.ocmw.merge.registry.Merger> mergers = be.ocmw.merge.registry.RegistryLoader
                .load(be.ocmw.merge.support.Registries.shipped()).registry().mergers();

        SampleData.Wave wave = new SampleData(2025, 1).writeWave(folder.resolve("wave"),
                be.ocmw.merge.support.Registries.shipped(), 6000, 15000);

        assertThat(wave.mergers()).containsExactlyElementsOf(mergers.stream().map(be.ocmw.merge.registry.Merger::id).toList());
        assertThat(wave.accounts()).isBetween(5900, 6000);
        assertThat(wave.dossiers()).isBetween(14900, 15000);
        assertThat(Files.readAllLines(folder.resolve("wave/dossiers.csv"))).hasSize(wave.dossiers() + 1);
        for (be.ocmw.merge.registry.Merger merger : mergers) {
            assertThat(folder.resolve("wave/submissions").resolve(merger.id() + ".xlsx")).exists();
            merger.participants().forEach(ocmw -> assertThat(folder.resolve("wave/access").resolve(ocmw.kbo().digits())
                    .resolve("Maatschappelijk Welzijn.csv")).exists());
        }
    }
}
