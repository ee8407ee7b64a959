package be.ocmw.merge.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command prints never drives the terminal, whatever a value read from a file or the database holds. */
class ConsoleTextTests {

    @Test
    void controlCharactersOfAValueAreShownNotSentAndLinesStayLines() {
        StringWriter terminal = new StringWriter();
        PrintWriter out = new PrintWriter(new ConsoleText(terminal));

        out.print("rejected: '\u001b[2J\u001b[31mPeeters\u0007\b'\tcolumn Naam\r\n");
        out.print('\u009b');
        out.flush();

        assertThat(terminal.toString()).isEqualTo("rejected: '\uFFFD[2J\uFFFD[31mPeeters\uFFFD\uFFFD'\tcolumn Naam\r\n\uFFFD");
    }
}
