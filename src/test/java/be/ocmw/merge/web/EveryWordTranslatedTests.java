package be.ocmw.merge.web;

import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.Registries;
import jakarta.servlet.RequestDispatcher;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Everything a coordinator or an operator reads, in Dutch and in French, on the sample data taken through the whole
 * workflow (intake with refused rows, plan, a refused apply, approve, apply, reconcile) the way {@code make run} and
 * the dashboard do it: every page, every error page, and every report the actions wrote (plan and apply workbooks and
 * pages, intake report and checked copies, reconciliation workbook). It fails on a message key without words
 * ({@code ??key??}) and on English words in a Dutch or French text. The bundles having the same keys in both
 * languages is {@code MessageBundlesTests}'s part.
 */
class EveryWordTranslatedTests extends DashboardTest {

    /**
     * Words that are English and neither Dutch nor French, as whole lower-case words: enough to catch a sentence left in
     * English. Codes (upper case, or camel case in {@code <code>}) and names are not words of a sentence.
     */
    static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|and|with|which|must|should|has|have|does|not|cannot|this|that|already|found|missing|invalid|unknown"
                    + "|expected|because|from|been|there|only|when|row|column|sheet|file|merger|approved|applied|nothing)\\b");

    private final Map<String, String> dutch = new LinkedHashMap<>();
    private final Map<String, String> french = new LinkedHashMap<>();

    @Test
    void everyPageAndReportSpeaksTheReadersLanguageOnly() throws Exception {
        loadSampleData(folder);
        var registry = RegistryLoader.load(Registries.shipped()).registry();
        Map<String, String> nl = dutch;
        Map<String, String> fr = french;

        // given the whole workflow in Dutch for pajottegem, with a refused apply and refused rows on upload
        Set<Path> before = files(REPORTS);
        List<String> activitiesNl = workflow("pajottegem", "", registry.find("pajottegem").orElseThrow());
        reports(REPORTS, before, nl);
        // and in French for hasselt
        before = files(REPORTS);
        List<String> activitiesFr = workflow("hasselt", "?lang=fr", registry.find("hasselt").orElseThrow());
        reports(REPORTS, before, fr);
        // antwerpen planned and approved from the command line's services, its reports in both languages
        runs.plan(registry.find("antwerpen").orElseThrow(), folder.resolve("nl"),
                new be.ocmw.merge.merger.ReportOptions(be.ocmw.merge.reporting.ReportText.DUTCH, false), run());
        runs.plan(registry.find("antwerpen").orElseThrow(), folder.resolve("fr"),
                new be.ocmw.merge.merger.ReportOptions(be.ocmw.merge.reporting.ReportText.FRENCH, false), run());
        reports(folder.resolve("nl"), Set.of(), nl);
        reports(folder.resolve("fr"), Set.of(), fr);

        // when every page is read in both languages, by both roles
        List<String> urls = new ArrayList<>(List.of("/", "/mergers/pajottegem", "/mergers/hasselt", "/mergers/antwerpen",
                "/mergers/tielt", "/runs", "/reconciliation", "/intake", "/mergers/pajottegem/apply", "/mergers/antwerpen/apply",
                "/mergers/hasselt/reports/apply.html", "/mergers/pajottegem/reports/plan.html"));
        urls.addAll(activitiesNl);
        urls.addAll(activitiesFr);
        for (String url : urls) {
            for (RequestPostProcessor who : List.of(coordinator(), operator())) {
                nl.put("page " + url, pageText(page(url + (url.contains("?") ? "&" : "?") + "lang=nl", who)));
                fr.put("page " + url, pageText(page(url + (url.contains("?") ? "&" : "?") + "lang=fr", who)));
            }
        }
        for (int status : new int[]{400, 403, 404, 405, 413, 500, 502}) {
            nl.put("error " + status, pageText(error(status, "nl")));
            fr.put("error " + status, pageText(error(status, "fr")));
        }

        // then none of it lacks words or speaks English
        assertThat(nl.keySet()).as("the reports the workflow wrote in Dutch").anyMatch(k -> k.endsWith("apply.xlsx"))
                .anyMatch(k -> k.endsWith("plan.html")).anyMatch(k -> k.endsWith("intake-report.xlsx"))
                .anyMatch(k -> k.endsWith(".checked.xlsx")).anyMatch(k -> k.endsWith("reconciliation.xlsx"))
                .anyMatch(k -> k.endsWith("apply.nl.html"));
        assertThat(fr.keySet()).as("the reports the workflow wrote in French").anyMatch(k -> k.endsWith("apply.html"))
                .anyMatch(k -> k.endsWith("plan.fr.html"))
                .anyMatch(k -> k.endsWith("plan.xlsx")).anyMatch(k -> k.endsWith("intake-report.xlsx"))
                .anyMatch(k -> k.endsWith(".checked.xlsx")).anyMatch(k -> k.endsWith("reconciliation.xlsx"));
        assertThat(problems(nl)).as("Dutch texts with a missing word or English").isEmpty();
        assertThat(problems(fr)).as("French texts with a missing word or English").isEmpty();
        assertThat(String.join(" ", fr.values())).as("French is French").contains("Constatations").contains("fusion");
    }

    /** Intake, plan, a refused apply, approval, apply and reconciliation of one merger; returns the actions' pages. */
    private List<String> workflow(String merger, String lang, be.ocmw.merge.registry.Merger registered) throws Exception {
        List<String> pages = new ArrayList<>();
        MvcResult upload = mvc.perform(multipart("/intake" + lang).file(workbook("pajottegem-herne.xlsx"))
                .file(workbook("hasselt-hasselt.xlsx")).with(operator()).with(csrf())).andReturn();
        pages.add(activity(upload));
        MvcResult planned = mvc.perform(post("/mergers/" + merger + "/plan" + lang).with(operator()).with(csrf())).andReturn();
        pages.add(activity(planned));
        String fingerprint = jdbc.sql("select fingerprint from plan where merger_id = :m order by id desc limit 1")
                .param("m", merger).query(String.class).single();
        MvcResult refused = mvc.perform(post("/mergers/" + merger + "/apply" + lang).param("fingerprint", fingerprint)
                .param("confirmed", "true").with(operator()).with(csrf())).andReturn();
        pages.add(activity(refused));
        MvcResult approved = mvc.perform(post("/mergers/" + merger + "/approve" + lang).param("fingerprint", fingerprint)
                .with(coordinator()).with(csrf())).andReturn();
        assertThat(approved.getResponse().getRedirectedUrl()).isNotNull();
        MvcResult applied = mvc.perform(post("/mergers/" + merger + "/apply" + lang).param("fingerprint", fingerprint)
                .param("confirmed", "true").with(operator()).with(csrf())).andReturn();
        pages.add(activity(applied));
        MvcResult reconciled = mvc.perform(post("/reconciliation" + lang).with(operator()).with(csrf())).andReturn();
        pages.add(activity(reconciled));
        return pages;
    }

    /** The action's page once it has finished. */
    private String activity(MvcResult started) throws Exception {
        finished(started, operator());
        Matcher matcher = ACTIVITY.matcher(String.valueOf(started.getResponse().getRedirectedUrl()));
        assertThat(matcher.find()).isTrue();
        return matcher.group(0);
    }

    private String error(int status, String lang) throws Exception {
        return mvc.perform(get("/error").param("lang", lang).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/mergers/nowhere").with(coordinator()))
                .andReturn().getResponse().getContentAsString();
    }

    private MockMultipartFile workbook(String name) throws IOException {
        Path sample = folder.resolve("sample/submissions").resolve(name);
        if (!Files.exists(sample)) {
            new SampleData(2025, 1).write(folder.resolve("sample"));
        }
        return new MockMultipartFile("files", name, "application/octet-stream", Files.readAllBytes(sample));
    }

    /** What is wrong with each text: a key without words, or the English words it has. */
    static Map<String, String> problems(Map<String, String> texts) {
        Map<String, String> problems = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            Set<String> found = new TreeSet<>();
            Matcher missing = Pattern.compile("\\?\\?[^?]+\\?\\?").matcher(text);
            while (missing.find()) {
                found.add(missing.group());
            }
            for (String line : text.split("\n")) {
                Matcher english = ENGLISH.matcher(line);
                if (english.find()) {
                    found.add("'" + english.group() + "' in: " + (line.length() > 160 ? line.substring(0, 160) + "…" : line));
                }
            }
            if (!found.isEmpty()) {
                problems.put(name, String.join("\n    ", found.stream().limit(8).toList()));
            }
        });
        return problems;
    }

    /** The words of a page, a line per text node, without scripts, styles and code (codes are not sentences). */
    static String pageText(String html) {
        String text = html.replaceAll("(?s)<(script|style|code)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]+>", "\n")
                .replace("&nbsp;", " ").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
        return Stream.of(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The text of every cell of every sheet, a line per cell. */
    static String workbookText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            text.append(cell.getStringCellValue()).append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    private static Set<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return new TreeSet<>(walk.filter(Files::isRegularFile).toList());
        }
    }

    /** The reports under {@code dir} that were not there {@code before}, by name, as text. */
    private void reports(Path dir, Set<Path> before, Map<String, String> into) throws IOException {
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            if (before.contains(file) || file.startsWith(dir.resolve("uploads"))) {
                continue;
            }
            if (name.endsWith(".xlsx")) {
                into.put(dir.relativize(file).toString(), workbookText(file));
            } else if (name.endsWith(".html")) {
                // a page written in the other language too (plan.fr.html beside a Dutch plan.html) is read as such
                Map<String, String> language = name.endsWith(".fr.html") ? french : name.endsWith(".nl.html") ? dutch : into;
                language.put(dir.relativize(file).toString(), pageText(Files.readString(file)));
            }
        }
    }
}
