package be.ocmw.merge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/operations.md lists every OCMW_* setting of application.properties with the default the application has. */
class SettingsDocTests {

    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path DOC = Path.of("docs/operations.md");
    private static final Pattern SETTING = Pattern.compile("\\$\\{(OCMW_[A-Z_]+):");
    /** A row of the settings table: | `OCMW_X` | `default` | what |. */
    private static final Pattern ROW = Pattern.compile("^\\| `(OCMW_[A-Z_]+)` \\| (?:`([^`]*)`|\\(none\\)) \\|.*$", Pattern.MULTILINE);

    @Test
    void everySettingIsInTheOperationsPageWithItsDefault() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        String properties = Files.readString(PROPERTIES, StandardCharsets.UTF_8);
        Matcher setting = SETTING.matcher(properties);
        while (setting.find()) {
            // the default runs to the brace that closes this placeholder (a default may hold one of its own)
            int depth = 1;
            int end = setting.end();
            while (depth > 0) {
                char c = properties.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            settings.putIfAbsent(setting.group(1), properties.substring(setting.end(), end - 1));
        }
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (row.find()) {
            documented.put(row.group(1), row.group(2) == null ? "" : row.group(2));
        }

        assertThat(settings).isNotEmpty();
        assertThat(documented).as("the settings table of " + DOC + " against " + PROPERTIES).containsAllEntriesOf(settings);
    }
}
