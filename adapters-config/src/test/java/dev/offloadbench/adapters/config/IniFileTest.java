package dev.offloadbench.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.adapters.config.IniFile.Entry;
import dev.offloadbench.domain.BenchException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rules of pytest's ini parser (iniconfig), as this reader follows them. */
class IniFileTest {
    private static final Path FILE = Path.of("/p/tox.ini");

    private static IniFile parse(String text) {
        return IniFile.parse(FILE, text);
    }

    @Test
    void readsEqualsAndColonSeparatedValuesWithTheirLines() {
        IniFile ini = parse("""
                [pytest]
                addopts = -n 4
                testpaths: tests
                """);

        assertThat(ini.entry("pytest", "addopts")).contains(new Entry("-n 4", 2));
        assertThat(ini.entry("pytest", "testpaths")).contains(new Entry("tests", 3));
    }

    @Test
    void splitsAtTheFirstEqualsUnlessAColonComesBeforeIt() {
        IniFile ini = parse("""
                [s]
                a = x:y=z
                b: u=v
                """);

        assertThat(ini.entry("s", "a")).map(Entry::value).contains("x:y=z");
        assertThat(ini.entry("s", "b")).map(Entry::value).contains("u=v");
    }

    @Test
    void continuationLinesJoinWithNewlinesAndKeepTheKeyLine() {
        IniFile ini = parse("""
                [pytest]
                markers = slow
                addopts =
                    -n 4
                # a comment inside the value is skipped

                    --maxprocesses 2
                other = 1
                """);

        assertThat(ini.entry("pytest", "addopts")).contains(new Entry("-n 4\n--maxprocesses 2", 3));
        assertThat(ini.entry("pytest", "other")).contains(new Entry("1", 8));
    }

    @Test
    void commentsAreWholeLinesOnlyAndInlineCommentsStayInValues() {
        IniFile ini = parse("""
                ; leading comment
                [pytest]  # header comment
                  # indented comment
                addopts = -n 2 # kept, as pytest keeps it
                """);

        assertThat(ini.entry("pytest", "addopts")).map(Entry::value).contains("-n 2 # kept, as pytest keeps it");
    }

    @Test
    void sectionAndKeyNamesAreCaseSensitive() {
        IniFile ini = parse("[Pytest]\nAddopts = -n 1\n");

        assertThat(ini.hasSection("pytest")).isFalse();
        assertThat(ini.hasSection("Pytest")).isTrue();
        assertThat(ini.entry("Pytest", "addopts")).isEmpty();
    }

    @Test
    void emptySectionExists() {
        assertThat(parse("[pytest]\n").hasSection("pytest")).isTrue();
    }

    @Test
    void duplicateKeyIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> parse("[pytest]\na = 1\na = 2\n"))
                .isInstanceOf(BenchException.class)
                .hasMessage("/p/tox.ini:3: duplicate name 'a'");
    }

    @Test
    void duplicateSectionIsAnError() {
        assertThatThrownBy(() -> parse("[pytest]\n[pytest]\n"))
                .isInstanceOf(BenchException.class)
                .hasMessage("/p/tox.ini:2: duplicate section 'pytest'");
    }

    @Test
    void keyBeforeAnySectionIsAnError() {
        assertThatThrownBy(() -> parse("a = 1\n"))
                .isInstanceOf(BenchException.class)
                .hasMessage("/p/tox.ini:1: no section header defined");
    }

    @Test
    void continuationWithoutAKeyIsAnError() {
        assertThatThrownBy(() -> parse("[pytest]\n  -n 3\n"))
                .isInstanceOf(BenchException.class)
                .hasMessage("/p/tox.ini:2: unexpected value continuation");
    }

    @Test
    void lineWithoutSeparatorIsAnError() {
        assertThatThrownBy(() -> parse("[pytest]\njust words\n"))
                .isInstanceOf(BenchException.class)
                .hasMessage("/p/tox.ini:2: unexpected line: 'just words'");
    }
}
