package be.ocmw.merge.sampledata;

import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.CsvWriter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes realistic sample data for three 2025 mergers, one per scenario (pajottegem 1, hasselt 2,
 * antwerpen 3), from a fixed seed: the same files every time. It holds what real data holds: the same
 * people in several OCMWs (with other usernames, statuses, e-mails, spellings), blocked users, users
 * without INSZ, username collisions, an export with French headers in Windows-1252 and one in xlsx, bad
 * rows, dossiers around the cut-over, OCMW Online requests, and HTB submissions of which one is late, one
 * superseded by a later one and one with bad rows. {@code scale} multiplies the number of people.
 * It also writes the large files of {@code make bench}.
 */
public final class SampleData {

    static final String DOMAIN = "Maatschappelijk Welzijn";
    static final LocalDate CLOSE = LocalDate.of(2024, 12, 31);
    static final LocalDate EFFECTIVE = LocalDate.of(2025, 1, 1);
    private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final String[] LAST_NAMES = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
            "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "D'Hondt", "Müller", "Çelik", "Van den Broeck", "El Amrani",
            "Yılmaz", "Nowak", "Vermeulen", "Pauwels", "De Backer", "Aerts", "Hermans", "Michiels", "Van Damme", "Leclercq",
            "Desmet", "Verstraeten", "Van Acker", "Coppens", "Smets", "Bogaerts", "Vandenberghe", "Martens"};
    static final String[] FIRST_NAMES = {"Jan", "Marie", "An", "Pieter", "Sofie", "Mohamed", "Fatima", "Lucas", "Emma",
            "Noah", "Lotte", "Ayşe", "Jürgen", "Élodie", "Tom", "Els", "Bart", "Katrien", "Youssef", "Nathalie", "Wim",
            "Liesbeth", "Koen", "Sarah", "Dirk", "Inge", "Joris", "Hanne", "Stijn", "Eline"};
    static final String[] APPLICATIONS = {"Afzender - administratie", "ChaMan - Technisch kanaalbeheer",
            "Documenten RSZ in e-Box", "e-Box Bevoorrechte gebruiker", "e-Box van de instelling", "Handiweb",
            "Match-It Alleen Lezen", "Match-It Bewonersbeheer LOI", "Meldpunt voor partners", "Sociale Agent",
            "OCMW-configuratie", "PrimaWeb"};

    /** The sample organisations: merger, name, KBO, people, how their export is written. */
    record Organisation(String merger, String name, String kbo, int people, String format, String prefix) {
    }

    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("pajottegem", "OCMW Galmaarden", "0212978247", 40, "csv", "GAL"),
            new Organisation("pajottegem", "OCMW Gooik", "0212600838", 35, "xlsx", "GOO"),
            new Organisation("pajottegem", "OCMW Herne", "0212281728", 30, "csv-fr", "HER"),
            new Organisation("hasselt", "OCMW Hasselt", "0212145433", 180, "csv", "HAS"),
            new Organisation("hasselt", "OCMW Kortessem", "0212224419", 25, "csv", "KOR"),
            new Organisation("antwerpen", "OCMW Antwerpen", "0212235604", 300, "csv", "ANT"),
            new Organisation("antwerpen", "OCMW Borsbeek", "0212680616", 30, "csv", "BOR"));

    /** A person, who may have accounts in several OCMWs of one merger. */
    record Person(String insz, String lastName, String firstName) {
    }

    /** One account row of an export. */
    record Account(String lastName, String firstName, String username, String type, String insz, boolean active,
                   List<String> applications, String email, String language) {
    }

    private final Random random;
    private final int scale;

    public SampleData(long seed, int scale) {
        this.random = new Random(seed);
        this.scale = Math.max(1, scale);
    }

    /** Writes everything into {@code out}: access/, dossiers.csv, online-requests.csv, submissions/. */
    public Summary write(Path out) {
        try {
            Files.createDirectories(out);
            Map<String, List<Person>> peopleOfMerger = new LinkedHashMap<>();
            Map<String, Person[]> administrators = new LinkedHashMap<>();
            Map<String, List<Account>> accountsOf = new LinkedHashMap<>();
            int accounts = 0;
            for (Organisation org : ORGANISATIONS) {
                List<Person> shared = peopleOfMerger.computeIfAbsent(org.merger(), m -> new ArrayList<>());
                List<Account> rows = accounts(org, shared, administrators);
                accountsOf.put(org.kbo(), rows);
                accounts += rows.size();
                writeExport(out.resolve("access").resolve(org.kbo()), org, rows);
            }
            int dossiers = writeDossiers(out.resolve("dossiers.csv"));
            int requests = writeOnlineRequests(out.resolve("online-requests.csv"));
            int submissions = writeSubmissions(out.resolve("submissions"), administrators, accountsOf);
            return new Summary(accounts, dossiers, requests, submissions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was written, counted. */
    public record Summary(int accounts, int dossiers, int onlineRequests, int submissions) {
    }

    private List<Account> accounts(Organisation org, List<Person> shared, Map<String, Person[]> administrators) {
        List<Account> rows = new ArrayList<>();
        int people = org.people() * scale;
        List<String> usernames = new ArrayList<>();
        boolean first = shared.isEmpty();
        for (int i = 0; i < people; i++) {
            Person person;
            String lastName;
            boolean again = !first && i % 5 == 1 && i / 5 < shared.size();
            if (again) {
                // someone who also works for another OCMW of the merger
                person = shared.get(i / 5);
                lastName = i % 10 == 1 && person.lastName().contains(" ")
                        ? person.lastName().replace(" ", "") : person.lastName();
            } else {
                person = new Person(randomInsz(), pick(LAST_NAMES), pick(FIRST_NAMES));
                shared.add(person);
                lastName = person.lastName();
            }
            String username = username(person.firstName(), lastName, usernames, again ? org.prefix().toLowerCase(Locale.ROOT) : "");
            usernames.add(username);
            boolean noInsz = i % 33 == 7;
            String type = i == 0 ? "TB" : i == 1 ? "co-TB" : "USER";
            rows.add(new Account(lastName, person.firstName(), username, type, noInsz ? "" : notation(person.insz(), i),
                    i % 10 != 3, applications(i), email(person, org, i), i % 7 == 0 ? "FR" : "NL"));
        }
        administrators.putIfAbsent(org.merger(), new Person[]{shared.get(0), shared.get(1), shared.get(2)});
        if (org.prefix().equals("GOO")) {
            // an application the catalogue does not know, kept and reported by the merger
            rows.set(5, withApplications(rows.get(5), List.of("Oude Toepassing OCMW", "Sociale Agent")));
        }
        return rows;
    }

    private static Account withApplications(Account account, List<String> applications) {
        return new Account(account.lastName(), account.firstName(), account.username(), account.type(), account.insz(),
                account.active(), applications, account.email(), account.language());
    }

    private void writeExport(Path folder, Organisation org, List<Account> rows) throws IOException {
        Files.createDirectories(folder);
        List<List<String>> table = new ArrayList<>();
        for (Account a : rows) {
            table.add(List.of(a.lastName(), a.firstName(), a.username(), a.type(), a.insz(), status(a, org),
                    String.join("|", a.applications()), a.email(), a.language()));
        }
        if (org.prefix().equals("HAS")) {
            // two rows a careful load refuses: a wrong check digit and an HTB inside a domain file
            table.add(List.of("Foutief", "Rij", "foutief1", "USER", "85.07.30-033.29", "Actief", "Handiweb", "", "NL"));
            table.add(List.of("Verkeerd", "Blad", "verkeerd1", "HTB", "", "Actief", "", "", "NL"));
        }
        List<String> dutch = List.of("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status",
                "Beveiligde toepassingen", "E-mailadres", "Taal");
        switch (org.format()) {
            case "xlsx" -> writeXlsx(folder.resolve(DOMAIN + ".xlsx"), "Gebruikers", dutch, table);
            case "csv-fr" -> writeWindows1252(folder.resolve(DOMAIN + ".csv"), List.of("Nom", "Prénom", "Nom d'utilisateur",
                    "Type", "NISS", "Statut", "Applications sécurisées", "Adresse e-mail", "Langue"), table);
            default -> writeCsv(folder.resolve(DOMAIN + ".csv"), dutch, table);
        }
        Account htb = rows.get(2);
        writeCsv(folder.resolve("Hoofdtoegangsbeheerders.csv"), dutch, List.of(
                List.of(htb.lastName(), htb.firstName(), htb.username(), "HTB", htb.insz(), "Actief", "", htb.email(), "NL")));
    }

    private String status(Account account, Organisation org) {
        boolean french = org.format().equals("csv-fr");
        return account.active() ? (french ? "Actif" : "Actief") : (french ? "Bloqué" : "Geblokkeerd");
    }

    private int writeDossiers(Path file) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (Organisation org : ORGANISATIONS) {
            int count = org.people() * scale * 2;
            for (int i = 1; i <= count; i++) {
                table.add(dossier(org, i));
            }
        }
        table.add(List.of("BAD-0001", "LEEFLOON", randomInsz(), "0212978247", "2024-01-01", ""));
        table.add(List.of("BAD-0002", "A036", randomInsz(), "0212978247", "31/02/2024", ""));
        writeCsv(file, List.of("reference", "type", "insz", "kbo", "start_date", "end_date"), table);
        return table.size();
    }

    /** The i-th dossier of an OCMW, cycling through every case around the cut-over. */
    private List<String> dossier(Organisation org, int i) {
        String reference = org.prefix() + "-" + String.format("%05d", i);
        String type = i % 3 == 0 ? "INTEGRATIE" : i % 3 == 1 ? "SOCIAAL_ONDERZOEK" : "A036";
        LocalDate start;
        LocalDate end;
        switch (i % 10) {
            case 0 -> { start = LocalDate.of(2023, 3, 1).plusDays(i % 300); end = null; }             // running, open-ended
            case 1 -> { start = LocalDate.of(2024, 2, 1).plusDays(i % 200); end = LocalDate.of(2025, 6, 30); } // running
            case 2 -> { start = LocalDate.of(2024, 1, 1); end = CLOSE; }                                // ends exactly on C
            case 3 -> { start = LocalDate.of(2019, 5, 1); end = LocalDate.of(2020, 4, 30); }           // ended long ago
            case 4 -> { start = EFFECTIVE; end = null; }                                               // starts on E
            case 5 -> { start = CLOSE; end = null; }                                                   // starts exactly on C
            case 6 -> { start = LocalDate.of(2022, 9, 1); end = LocalDate.of(2031, 12, 31); }          // years ahead
            case 7 -> { start = LocalDate.of(2024, 6, 1); end = LocalDate.of(2024, 11, 30); }          // ended before C
            default -> { start = LocalDate.of(2024, 10, 1).plusDays(i % 60); end = null; }
        }
        boolean belgian = i % 4 == 0;
        return List.of(reference, type, randomInsz(), org.kbo(), date(start, belgian), end == null ? "" : date(end, belgian));
    }

    private int writeOnlineRequests(Path file) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (Organisation org : ORGANISATIONS) {
            for (int i = 1; i <= 8 * scale; i++) {
                table.add(List.of("OO-" + org.prefix() + "-" + String.format("%04d", i),
                        LocalDate.of(2024, 1, 1).plusDays((i * 37L) % 360).toString(), org.kbo(), String.valueOf(i % 3 != 0)));
            }
        }
        writeCsv(file, List.of("reference", "submitted_on", "kbo", "read"), table);
        return table.size();
    }

    private int writeSubmissions(Path folder, Map<String, Person[]> administrators, Map<String, List<Account>> accountsOf)
            throws IOException {
        Files.createDirectories(folder);
        Person[] paj = administrators.get("pajottegem");
        Person[] has = administrators.get("hasselt");
        Person[] ant = administrators.get("antwerpen");
        Person other = new Person(randomInsz(), "Wouters", "Bart");
        List<String> header = List.of("Rol", "Domein", "INSZ", "Naam", "Voornaam", "E-mailadres", "Taal", "Telefoon");
        submission(folder.resolve("pajottegem-galmaarden.xlsx"), "pajottegem", "0212.978.247", "OCMW Galmaarden",
                "05/11/2024", "secretariaat@galmaarden.be", header, List.of(
                        admin("HTB", "", paj[0]), admin("co-HTB", "", paj[1]), admin("TB", DOMAIN, paj[2])), false);
        submission(folder.resolve("pajottegem-gooik-v1.xlsx"), "pajottegem", "0212.600.838", "OCMW Gooik",
                "04/11/2024", "ocmw@gooik.be", header, List.of(admin("HTB", "", paj[0]), admin("TB", DOMAIN, other)), false);
        submission(folder.resolve("pajottegem-gooik-v2.xlsx"), "pajottegem", "0212.600.838", "OCMW Gooik",
                "12/11/2024", "ocmw@gooik.be", header, List.of(admin("HTB", "", paj[0]), admin("TB", DOMAIN, paj[2])), false);
        List<List<Object>> herne = new ArrayList<>(List.of(admin("HTB", "", paj[0]), admin("co-TB", DOMAIN, paj[1])));
        herne.add(List.of("TB", "", paj[2].insz(), paj[2].lastName(), paj[2].firstName(), "tb@herne.be", "NL", ""));
        herne.add(List.of("co-TB", DOMAIN, "85.07.30-033.29", "Fout", "Nummer", "fout@herne.be", "NL", ""));
        herne.add(List.of("co-HTB", "", other.insz(), other.lastName(), other.firstName(), "geen-adres", "NL", ""));
        herne.add(List.of("beheerder", "", other.insz(), other.lastName(), other.firstName(), "b@herne.be", "NL", ""));
        submission(folder.resolve("pajottegem-herne.xlsx"), "pajottegem", "0212.281.728", "OCMW Herne",
                "20/11/2024", "ocmw@herne.be", header, herne, true);
        submission(folder.resolve("hasselt-hasselt.xlsx"), "hasselt", "0212.145.433", "OCMW Hasselt",
                "08/11/2024", "toegangsbeheer@hasselt.be", header, List.of(
                        admin("HTB", "", has[0]), admin("co-HTB", "", has[1]), admin("TB", DOMAIN, has[2])), false);
        submission(folder.resolve("antwerpen-antwerpen.xlsx"), "antwerpen", "0212.235.604", "OCMW Antwerpen",
                "30/10/2024", "toegangsbeheer@antwerpen.be", header, List.of(
                        admin("HTB", "", ant[0]), admin("TB", DOMAIN, ant[2])), false);
        // Borsbeek reviewed its users (SPEC 4.5): one not to copy, one application left out
        List<Account> borsbeek = accountsOf.get("0212680616").stream()
                .filter(a -> a.type().equals("USER") && a.active() && !a.insz().isEmpty() && a.applications().size() >= 2)
                .toList();
        List<List<Object>> review = List.of(
                List.of("Domein", "Gebruikersnaam", "Naam", "Voornaam", "Beslissing", "Toepassingen niet overnemen", "Opmerking"),
                List.of(DOMAIN, borsbeek.get(0).username(), borsbeek.get(0).lastName(), borsbeek.get(0).firstName(),
                        "Niet overnemen", "", "uit dienst sinds oktober"),
                List.of(DOMAIN, borsbeek.get(1).username(), borsbeek.get(1).lastName(), borsbeek.get(1).firstName(),
                        "Overnemen", borsbeek.get(1).applications().get(0), "gebruikt die toepassing niet meer"));
        submission(folder.resolve("antwerpen-borsbeek.xlsx"), "antwerpen", "0212.680.616", "OCMW Borsbeek",
                "13/11/2024", "ocmw@borsbeek.be", header, List.of(
                        admin("HTB", "", ant[0]), admin("co-TB", DOMAIN, ant[1])), false, review);
        return 7;
    }

    private static List<Object> admin(String role, String domain, Person person) {
        String email = ascii(person.firstName()).toLowerCase(Locale.ROOT) + "." + ascii(person.lastName()).toLowerCase(Locale.ROOT)
                + "@ocmw.example.be";
        return List.of(role, domain, person.insz().isEmpty() ? "" : new Insz(person.insz()).formatted(), person.lastName(),
                person.firstName(), email, "NL", "");
    }

    private static void submission(Path file, String merger, String kbo, String name, String date, String by,
                                   List<String> header, List<List<Object>> rows, boolean passwordColumn) throws IOException {
        submission(file, merger, kbo, name, date, by, header, rows, passwordColumn, List.of());
    }

    /** With a sheet Gebruikers of {@code review} rows (header first) when there are any. */
    private static void submission(Path file, String merger, String kbo, String name, String date, String by,
                                   List<String> header, List<List<Object>> rows, boolean passwordColumn,
                                   List<List<Object>> review) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet ocmw = workbook.createSheet("OCMW");
            String[][] labels = {{"Fusie", merger}, {"KBO-nummer", kbo}, {"Naam OCMW", name}, {"Ingediend op", date},
                    {"Ingediend door", by}};
            for (int i = 0; i < labels.length; i++) {
                Row row = ocmw.createRow(i);
                row.createCell(0).setCellValue(labels[i][0]);
                row.createCell(1).setCellValue(labels[i][1]);
            }
            Sheet sheet = workbook.createSheet("Beheerders");
            List<String> columns = new ArrayList<>(header);
            if (passwordColumn) {
                columns.add("Wachtwoord");
            }
            Row top = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                top.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(String.valueOf(rows.get(r).get(c)));
                }
                if (passwordColumn) {
                    row.createCell(columns.size() - 1).setCellValue("Geheim123!");
                }
            }
            if (!review.isEmpty()) {
                Sheet users = workbook.createSheet("Gebruikers");
                for (int r = 0; r < review.size(); r++) {
                    Row row = users.createRow(r);
                    for (int c = 0; c < review.get(r).size(); c++) {
                        row.createCell(c).setCellValue(String.valueOf(review.get(r).get(c)));
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /** The large files of {@code make bench}: an access export of {@code accessRows} rows and a dossier CSV. */
    public void writeBench(Path out, int accessRows, int dossiers) {
        try {
            Files.createDirectories(out);
            if (accessRows > 0) {
                Path folder = out.resolve("bench-access").resolve("0212978247");
                Files.createDirectories(folder);
                Path file = folder.resolve(DOMAIN + ".xlsx");
                SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                workbook.setCompressTempFiles(true);
                try (OutputStream stream = Files.newOutputStream(file)) {
                    Sheet sheet = workbook.createSheet("Gebruikers");
                    Row header = sheet.createRow(0);
                    String[] columns = {"Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status",
                            "Beveiligde toepassingen", "E-mailadres", "Taal"};
                    for (int c = 0; c < columns.length; c++) {
                        header.createCell(c).setCellValue(columns[c]);
                    }
                    for (int i = 0; i < accessRows; i++) {
                        Person person = new Person(randomInsz(), pick(LAST_NAMES), pick(FIRST_NAMES));
                        String username = "u" + i + ascii(person.lastName()).toLowerCase(Locale.ROOT);
                        Row row = sheet.createRow(i + 1);
                        Object[] values = {person.lastName(), person.firstName(), username, i == 0 ? "TB" : "USER",
                                new Insz(person.insz()).formatted(), i % 10 == 3 ? "Geblokkeerd" : "Actief",
                                String.join("|", applications(i)), username + "@ocmw.example.be", "NL"};
                        for (int c = 0; c < values.length; c++) {
                            row.createCell(c).setCellValue(String.valueOf(values[c]));
                        }
                    }
                    workbook.write(stream);
                } finally {
                    workbook.dispose();
                    workbook.close();
                }
            }
            if (dossiers > 0) {
                try (CsvWriter csv = CsvWriter.create(out.resolve("bench-dossiers.csv"))) {
                    csv.row(List.of("reference", "type", "insz", "kbo", "start_date", "end_date"));
                    List<String> kbos = benchKbos(20);
                    for (int i = 0; i < dossiers; i++) {
                        LocalDate start = LocalDate.of(2020, 1, 1).plusDays(i % 1800);
                        csv.row(List.of("D-" + i, i % 3 == 0 ? "INTEGRATIE" : i % 3 == 1 ? "SOCIAAL_ONDERZOEK" : "A036",
                                randomInsz(), kbos.get(i % kbos.size()), start.toString(),
                                i % 5 == 0 ? LocalDate.of(2026, 6, 30).toString() : ""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The merger of {@code make bench}: 20 OCMWs merging into a new one (scenario 1), {@code accounts} accounts
     * in all, a third of the people in two OCMWs, about four applications each; a registry that holds it, the
     * access exports, and a submission naming the HTB and the TB.
     */
    public void writeBenchMerger(Path out, int organisations, int accounts) {
        try {
            List<String> kbos = benchKbos(organisations + 1);
            String target = kbos.get(organisations);
            StringBuilder registry = new StringBuilder("# The generated merger of make bench.\nmergers:\n");
            registry.append("  - id: bench\n    name: Bench\n    scenario: 1\n    effective: 2025-01-01\n    deadline: 2024-11-15\n")
                    .append("    target: { name: OCMW Bench, kbo: \"").append(target).append("\", nis: \"90999\" }\n    participants:\n");
            for (int o = 0; o < organisations; o++) {
                registry.append("      - { name: OCMW Bench ").append(o + 1).append(", kbo: \"").append(kbos.get(o))
                        .append("\", nis: \"").append(90001 + o).append("\" }\n");
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve("bench-registry.yml"), registry.toString());
            int people = accounts * 3 / 4;
            List<Person> persons = new ArrayList<>(people);
            for (int p = 0; p < people; p++) {
                persons.add(new Person(randomInsz(), pick(LAST_NAMES), pick(FIRST_NAMES)));
            }
            List<List<List<String>>> rows = new ArrayList<>();
            for (int o = 0; o < organisations; o++) {
                rows.add(new ArrayList<>());
            }
            for (int i = 0; i < accounts; i++) {
                int person = i < people ? i : (i - people) * 3;
                int organisation = i < people ? i % organisations : (person + 1 + i % (organisations - 1)) % organisations;
                Person who = persons.get(person % people);
                rows.get(organisation).add(List.of(who.lastName(), who.firstName(), "u" + (person % people),
                        person % people == 1 && organisation == 1 ? "TB" : "USER", who.insz(), i % 10 == 3 ? "Geblokkeerd" : "Actief",
                        String.join("|", benchApplications(i)), "", "NL"));
            }
            List<String> header = List.of("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status",
                    "Beveiligde toepassingen", "E-mailadres", "Taal");
            for (int o = 0; o < organisations; o++) {
                writeCsv(out.resolve("access").resolve(kbos.get(o)).resolve(DOMAIN + ".csv"), header, rows.get(o));
            }
            Files.createDirectories(out.resolve("submissions"));
            submission(out.resolve("submissions/bench.xlsx"), "bench", kbos.get(0), "OCMW Bench 1", "05/11/2024", "bench",
                    List.of("Rol", "Domein", "INSZ", "Naam", "Voornaam", "E-mailadres", "Taal", "Telefoon"),
                    List.of(admin("HTB", "", persons.get(0)), admin("TB", DOMAIN, persons.get(1))), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A national wave for {@code make bench}: every merger of {@code registry} (copied into {@code out} as
     * {@code registry.yml}), its participants sized unevenly (a city's OCMW up to five times a village's) so that they
     * hold {@code accounts} accounts and {@code dossiers} running dossiers in all; a third of each merger's people in two
     * of its OCMWs, about four applications each; one submission per merger naming its HTB and a TB, so that every plan
     * is READY. What is written: {@code access/<KBO>/}, {@code dossiers.csv}, {@code submissions/}.
     */
    public Wave writeWave(Path out, Path registry, int accounts, int dossiers) {
        try {
            List<be.ocmw.merge.registry.Merger> mergers = be.ocmw.merge.registry.RegistryLoader.load(registry).registry().mergers();
            Files.createDirectories(out.resolve("submissions"));
            Files.copy(registry, out.resolve("registry.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<be.ocmw.merge.registry.Ocmw> all = mergers.stream().flatMap(m -> m.participants().stream()).toList();
            int[] weight = new int[all.size()];
            int total = 0;
            for (int o = 0; o < all.size(); o++) {
                weight[o] = 1 + Math.floorMod(all.get(o).kbo().digits().hashCode(), 5);
                total += weight[o];
            }
            List<String> header = List.of("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status",
                    "Beveiligde toepassingen", "E-mailadres", "Taal");
            int first = 0;
            int written = 0;
            int serial = 0;
            try (CsvWriter csv = CsvWriter.create(out.resolve("dossiers.csv"))) {
                csv.row(List.of("reference", "type", "insz", "kbo", "start_date", "end_date"));
                for (be.ocmw.merge.registry.Merger merger : mergers) {
                    List<be.ocmw.merge.registry.Ocmw> ocmws = merger.participants();
                    int share = 0;
                    for (int o = 0; o < ocmws.size(); o++) {
                        share += weight[first + o];
                    }
                    int mergerAccounts = (int) ((long) accounts * share / total);
                    int people = Math.max(2, mergerAccounts * 3 / 4);
                    List<Person> persons = new ArrayList<>(people);
                    for (int p = 0; p < people; p++) {
                        persons.add(new Person(randomInsz(), pick(LAST_NAMES), pick(FIRST_NAMES)));
                    }
                    List<List<List<String>>> rows = new ArrayList<>();
                    ocmws.forEach(o -> rows.add(new ArrayList<>()));
                    for (int i = 0; i < mergerAccounts; i++) {
                        // the first people of each OCMW in turn, then a third of them again in another of its OCMWs
                        int person = i < people ? i : (i - people) * 3 % people;
                        int ocmw = i < people ? i % ocmws.size() : (person + 1) % ocmws.size();
                        Person who = persons.get(person);
                        rows.get(ocmw).add(List.of(who.lastName(), who.firstName(), "u" + person,
                                person == 1 ? "TB" : "USER", who.insz(), i % 10 == 3 ? "Geblokkeerd" : "Actief",
                                String.join("|", benchApplications(i)), "", "NL"));
                        written++;
                    }
                    for (int o = 0; o < ocmws.size(); o++) {
                        writeCsv(out.resolve("access").resolve(ocmws.get(o).kbo().digits()).resolve(DOMAIN + ".csv"), header,
                                rows.get(o));
                        int running = (int) ((long) dossiers * weight[first + o] / total);
                        for (int d = 0; d < running; d++, serial++) {
                            LocalDate start = LocalDate.of(2020, 1, 1).plusDays(serial % 1800);
                            csv.row(List.of("W-" + serial, serial % 3 == 0 ? "INTEGRATIE" : serial % 3 == 1 ? "SOCIAAL_ONDERZOEK"
                                    : "A036", randomInsz(), ocmws.get(o).kbo().digits(), start.toString(),
                                    serial % 5 == 0 ? LocalDate.of(2026, 6, 30).toString() : ""));
                        }
                    }
                    submission(out.resolve("submissions").resolve(merger.id() + ".xlsx"), merger.id(),
                            ocmws.get(0).kbo().digits(), ocmws.get(0).name(), "05/11/2024", "bench",
                            List.of("Rol", "Domein", "INSZ", "Naam", "Voornaam", "E-mailadres", "Taal", "Telefoon"),
                            List.of(admin("HTB", "", persons.get(0)), admin("TB", DOMAIN, persons.get(1))), false);
                    first += ocmws.size();
                }
            }
            return new Wave(mergers.stream().map(be.ocmw.merge.registry.Merger::id).toList(), all.size(), written, serial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #writeWave} wrote: the mergers in registry order, how many OCMWs, accounts and dossiers. */
    public record Wave(List<String> mergers, int ocmws, int accounts, int dossiers) {
    }

    /** 1 to 7 applications, 4 on average. */
    private static List<String> benchApplications(int i) {
        int count = 1 + (i * 7 + i / 7) % 7;
        List<String> applications = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            applications.add(APPLICATIONS[(i + a * 5) % APPLICATIONS.length]);
        }
        return applications.stream().distinct().toList();
    }

    /** Valid KBO numbers for generated OCMWs: 0299.000.0xx with their check digits. */
    public static List<String> benchKbos(int count) {
        List<String> kbos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long firstEight = 2_990_000L + i;
            kbos.add(String.format("%08d%02d", firstEight, 97 - firstEight % 97));
        }
        kbos.forEach(Kbo::new);
        return kbos;
    }

    private List<String> applications(int i) {
        List<String> applications = new ArrayList<>();
        int count = 1 + (i % 4);
        for (int a = 0; a < count; a++) {
            String application = APPLICATIONS[(i * 7 + a * 3) % APPLICATIONS.length];
            if (!applications.contains(application)) {
                applications.add(application);
            }
        }
        return applications;
    }

    private String email(Person person, Organisation org, int i) {
        if (i % 9 == 4) {
            return "";
        }
        String domain = org.name().substring(5).toLowerCase(Locale.ROOT).replace(" ", "") + ".be";
        return ascii(person.firstName()).toLowerCase(Locale.ROOT) + "." + ascii(person.lastName()).toLowerCase(Locale.ROOT)
                .replace(" ", "") + "@" + domain;
    }

    /** First letter and surname; a collision gets a number, except deliberately across OCMWs. */
    private static String username(String first, String last, List<String> taken, String suffix) {
        String base = (ascii(first).substring(0, 1) + ascii(last)).toLowerCase(Locale.ROOT) + suffix;
        String username = base;
        for (int n = 2; taken.contains(username); n++) {
            username = base + n;
        }
        return username;
    }

    static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ı", "i").replaceAll("[^A-Za-z]", "");
    }

    private String notation(String insz, int i) {
        Insz value = new Insz(insz);
        return switch (i % 3) {
            case 0 -> value.formatted();
            case 1 -> value.digits();
            default -> value.digits().substring(0, 6) + " " + value.digits().substring(6, 9) + " " + value.digits().substring(9);
        };
    }

    private String randomInsz() {
        boolean recent = random.nextInt(8) == 0;
        int year = recent ? random.nextInt(5) : 55 + random.nextInt(45);
        String firstNine = String.format("%02d%02d%02d%03d", year, 1 + random.nextInt(12), 1 + random.nextInt(28),
                1 + random.nextInt(997));
        long base = (recent ? 2_000_000_000L : 0) + Long.parseLong(firstNine);
        return firstNine + String.format("%02d", 97 - base % 97);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String date(LocalDate date, boolean belgian) {
        return belgian ? BELGIAN.format(date) : date.toString();
    }

    private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (CsvWriter csv = CsvWriter.create(file)) {
            csv.row(header);
            for (List<String> row : rows) {
                csv.row(row);
            }
        }
    }

    /** A Windows-1252 CSV with {@code ,} as separator, as an older French-language export writes it. */
    private static void writeWindows1252(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Charset windows1252 = Charset.forName("windows-1252");
        var encoder = windows1252.newEncoder();
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), windows1252)) {
            out.write(String.join(",", header) + "\r\n");
            for (List<String> row : rows) {
                // what Windows-1252 cannot hold (ş, ı) is written as the export would: without the accent
                out.write(String.join(",", row.stream()
                        .map(v -> encoder.canEncode(v) ? v : java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFD)
                                .replaceAll("\\p{M}", "").replace("ı", "i"))
                        .map(v -> v.contains(",") ? "\"" + v + "\"" : v).toList()) + "\r\n");
            }
        }
    }

    private static void writeXlsx(Path file, String sheetName, List<String> header, List<List<String>> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                top.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
