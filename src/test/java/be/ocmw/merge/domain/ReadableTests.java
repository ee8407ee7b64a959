package be.ocmw.merge.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableTests {

    @Test
    void aLongValueShowsItsStartAndItsLengthAShortOneIsWhole() {
        assertThat(Readable.shorten("pajottegem")).isEqualTo("pajottegem");
        assertThat(Readable.shorten("x".repeat(100_000))).isEqualTo("x".repeat(80) + "… (100,000 characters)");
    }

    @Test
    void aCharacterWrittenAsTwoIsNeverCutInHalf() {
        String text = "x".repeat(79) + "😀" + "y".repeat(10);

        assertThat(Readable.shorten(text)).startsWith("x".repeat(79) + "…");
    }

    @Test
    void aMessageHasItsVeryLongWordsShortenedOnceAndItsQuotedValuesLeftAlone() {
        String quoted = "unknown merger '" + Readable.shorten("p".repeat(100_000)) + "'; the mergers are: a, b";
        String raw = "Unmatched argument at index 0: '" + "q".repeat(5_000) + "'";

        assertThat(Readable.shortenLongWords(quoted)).isEqualTo(quoted);
        assertThat(Readable.shortenLongWords(raw)).startsWith("Unmatched argument at index 0: 'qqq").contains("(5,002 characters)")
                .hasSizeLessThan(150);
    }
}
