package dev.offloadbench.domain.service.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    private static List<String> texts(String line) {
        return ShellWords.split(line).stream().map(Word::text).toList();
    }

    @Test
    void splitsOnWhitespaceOfAnyKind() {
        assertThat(texts("  pytest\t-n   4  tests ")).containsExactly("pytest", "-n", "4", "tests");
    }

    @Test
    void emptyAndBlankLinesHaveNoWords() {
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split("   \t ")).isEmpty();
    }

    @Test
    void singleQuotesKeepSpacesAndRemoveTheQuotes() {
        assertThat(texts("echo 'a b'  c")).containsExactly("echo", "a b", "c");
    }

    @Test
    void singleQuotesKeepBackslashesAndDollarsLiterally() {
        assertThat(texts("echo 'a\\b $X ${Y:-1}'")).containsExactly("echo", "a\\b $X ${Y:-1}");
    }

    @Test
    void doubleQuotesKeepSpacesAndRemoveTheQuotes() {
        assertThat(texts("pytest -k \"slow and not flaky\" tests"))
                .containsExactly("pytest", "-k", "slow and not flaky", "tests");
    }

    @Test
    void doubleQuotesHonourEscapedQuoteBackslashDollarAndBacktick() {
        assertThat(texts("echo \"a\\\"b \\\\ \\$X \\`c\\`\"")).containsExactly("echo", "a\"b \\ $X `c`");
    }

    @Test
    void doubleQuotesKeepOtherBackslashesAsWritten() {
        assertThat(texts("echo \"a\\nb\"")).containsExactly("echo", "a\\nb");
    }

    @Test
    void quotedPartsJoinTheWordAroundThem() {
        assertThat(texts("--numprocesses=\"4\" a'b c'd")).containsExactly("--numprocesses=4", "ab cd");
    }

    @Test
    void emptyQuotesMakeAnEmptyWord() {
        assertThat(texts("echo '' \"\"")).containsExactly("echo", "", "");
    }

    @Test
    void backslashEscapesTheNextCharacterOutsideQuotes() {
        assertThat(texts("echo a\\ b \\; c\\'d")).containsExactly("echo", "a b", ";", "c'd");
    }

    @Test
    void escapedOperatorIsNotAnOperator() {
        List<Word> words = ShellWords.split("echo \\;");
        assertThat(words).hasSize(2);
        assertThat(words.get(1).operator()).isFalse();
    }

    @Test
    void parameterExpansionWithDefaultStaysOneWord() {
        assertThat(texts("pytest -n ${XDIST_WORKERS:-3} tests"))
                .containsExactly("pytest", "-n", "${XDIST_WORKERS:-3}", "tests");
    }

    @Test
    void parameterExpansionWithSpacesInItsDefaultStaysOneWord() {
        assertThat(texts("echo ${X:-a b}")).containsExactly("echo", "${X:-a b}");
    }

    @Test
    void parameterExpansionInsideDoubleQuotesStaysAsWritten() {
        assertThat(texts("pytest -n \"${XDIST_WORKERS:-3}\"")).containsExactly("pytest", "-n", "${XDIST_WORKERS:-3}");
    }

    @Test
    void plainDollarVariableIsKeptAsWritten() {
        assertThat(texts("pytest -n $N")).containsExactly("pytest", "-n", "$N");
    }

    @Test
    void semicolonSeparatesCommandsEvenWithoutSpaces() {
        List<Word> words = ShellWords.split("cd x;pytest");
        assertThat(words).extracting(Word::text).containsExactly("cd", "x", ";", "pytest");
        assertThat(words).extracting(Word::operator).containsExactly(false, false, true, false);
    }

    @Test
    void doubleAmpersandAndDoublePipeAreSingleOperators() {
        List<Word> words = ShellWords.split("a&&b||c");
        assertThat(words).extracting(Word::text).containsExactly("a", "&&", "b", "||", "c");
        assertThat(words).extracting(Word::operator).containsExactly(false, true, false, true, false);
    }

    @Test
    void pipeAndBackgroundAreSingleCharacterOperators() {
        List<Word> words = ShellWords.split("a | b & c");
        assertThat(words).extracting(Word::text).containsExactly("a", "|", "b", "&", "c");
        assertThat(words.get(1).operator()).isTrue();
        assertThat(words.get(3).operator()).isTrue();
    }

    @Test
    void parenthesesAreOperators() {
        List<Word> words = ShellWords.split("(cd x; pytest)");
        assertThat(words).extracting(Word::text).containsExactly("(", "cd", "x", ";", "pytest", ")");
        assertThat(words.get(0).operator()).isTrue();
        assertThat(words.get(5).operator()).isTrue();
    }

    @Test
    void operatorsInsideQuotesAreText() {
        List<Word> words = ShellWords.split("echo 'a && b' \"c; d | e\"");
        assertThat(words).extracting(Word::text).containsExactly("echo", "a && b", "c; d | e");
        assertThat(words).noneMatch(Word::operator);
    }

    @Test
    void commentRunsToTheEndOfTheLine() {
        assertThat(texts("pytest -n 4 # -n 8 would be faster")).containsExactly("pytest", "-n", "4");
    }

    @Test
    void commentRightAfterAnOperatorStartsAComment() {
        assertThat(texts("pytest;# -n 8")).containsExactly("pytest", ";");
    }

    @Test
    void hashInsideAWordIsNotAComment() {
        assertThat(texts("echo a#b")).containsExactly("echo", "a#b");
    }

    @Test
    void quotedHashIsNotAComment() {
        assertThat(texts("echo '#x' \"#y\"")).containsExactly("echo", "#x", "#y");
    }

    @Test
    void shebangLineHasNoWords() {
        assertThat(ShellWords.split("#!/usr/bin/env bash")).isEmpty();
    }

    @Test
    void wordSpansPointAtTheirCharactersInTheLine() {
        String line = "  pytest -n 4 tests";
        List<Word> words = ShellWords.split(line);
        for (Word word : words) {
            assertThat(line.substring(word.start(), word.end())).isEqualTo(word.text());
        }
        assertThat(words.get(2).start()).isEqualTo(12);
        assertThat(words.get(2).end()).isEqualTo(13);
    }

    @Test
    void wordSpanOfAnExpansionCoversTheWholeExpansion() {
        String line = "pytest -n ${XDIST_WORKERS:-3} tests";
        Word word = ShellWords.split(line).get(2);
        assertThat(line.substring(word.start(), word.end())).isEqualTo("${XDIST_WORKERS:-3}");
    }

    @Test
    void wordSpanOfAQuotedWordCoversItsQuotes() {
        String line = "pytest -k 'a b' tests";
        Word word = ShellWords.split(line).get(2);
        assertThat(word.text()).isEqualTo("a b");
        assertThat(line.substring(word.start(), word.end())).isEqualTo("'a b'");
    }

    @Test
    void wordSpanOfAWordEndingAtAnOperatorStopsBeforeIt() {
        String line = "cd x&&pytest";
        List<Word> words = ShellWords.split(line);
        assertThat(words.get(1).start()).isEqualTo(3);
        assertThat(words.get(1).end()).isEqualTo(4);
        assertThat(line.substring(words.get(2).start(), words.get(2).end())).isEqualTo("&&");
        assertThat(line.substring(words.get(3).start(), words.get(3).end())).isEqualTo("pytest");
    }

    @Test
    void wordSpanOfTheLastWordEndsAtTheEndOfTheLine() {
        String line = "echo last";
        Word word = ShellWords.split(line).get(1);
        assertThat(word.end()).isEqualTo(line.length());
    }

    @Test
    void unterminatedQuoteRunsToTheEndOfTheLine() {
        List<Word> words = ShellWords.split("echo 'a b");
        assertThat(words).extracting(Word::text).containsExactly("echo", "a b");
        assertThat(words.get(1).end()).isEqualTo(9);
    }

    @Test
    void ampersandOfARedirectionIsNotAnOperator() {
        List<Word> words = ShellWords.split("pytest -n 4 2>&1 | tee log");
        assertThat(words).extracting(Word::text).containsExactly("pytest", "-n", "4", "2>&1", "|", "tee", "log");
    }
}
