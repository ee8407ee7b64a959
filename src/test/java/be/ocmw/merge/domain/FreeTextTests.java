package be.ocmw.merge.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed texts: refused with a reason when they hold a control character or exceed their documented maximum. */
class FreeTextTests {

    @Test
    void aControlCharacterIsNamedWithItsPositionAndTheValueQuotedWithoutIt() {
        assertThat(FreeText.NAME.problem("--by", "co\u001b[2Jordinator")).hasValueSatisfying(reason ->
                assertThat(reason.english()).isEqualTo("--by holds an invisible control character (U+001B at position 3), "
                        + "which cannot be kept or shown: type it without ('co\uFFFD[2Jordinator')."));
        assertThat(FreeText.COMMENT.problem("--comment", "line one\nline two")).isPresent();
        assertThat(FreeText.COMMENT.problem("--comment", "right\u202Eto left")).isPresent();
        assertThat(FreeText.COMMENT.problem("--comment", "Ça va, één € — ok")).isEmpty();
        assertThat(FreeText.NAME.problem("--by", null)).isEmpty();
    }

    @Test
    void eachKindHasItsMaximum() {
        assertThat(FreeText.NAME.problem("--by", "n".repeat(100))).isEmpty();
        assertThat(FreeText.NAME.problem("--by", "n".repeat(101))).hasValueSatisfying(reason ->
                assertThat(reason.english()).isEqualTo("--by has 101 characters; at most 100 are kept: shorten it."));
        assertThat(FreeText.COMMENT.problem("--comment", "c".repeat(2001))).isPresent();
        assertThat(FreeText.REASON.problem("--reason", "r".repeat(1001))).isPresent();
        assertThat(FreeText.SEARCH.problem("--username", "u".repeat(201))).isPresent();
    }

    @Test
    void aStoredValueIsShownWithItsControlCharactersMadeVisibleAndItsLinesKept() {
        assertThat(FreeText.cleaned("a\u0000b\nc\u001b")).isEqualTo("a\uFFFDb\nc\uFFFD");
        assertThat(FreeText.cleaned(null)).isNull();
    }
}
