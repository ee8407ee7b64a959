package be.ocmw.merge.cli;

import be.ocmw.merge.domain.FreeText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the commands print, with every control character a value could carry (an ESC sequence in a workbook's cell, a
 * bell in a registry name) shown as {@code �} instead of sent to the terminal: nothing read from a file or the
 * database can clear or recolour the screen of whoever runs a command. Line breaks, carriage returns and tabs stay.
 */
final class ConsoleText extends FilterWriter {

    ConsoleText(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        super.write(shown((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        char[] copy = new char[length];
        for (int i = 0; i < length; i++) {
            copy[i] = shown(chars[offset + i]);
        }
        super.write(copy, 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }

    private static char shown(char c) {
        return c == '\n' || c == '\r' || c == '\t' || !FreeText.control(c) ? c : '\uFFFD';
    }
}
