package dev.offloadbench.domain.service.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XdistOptionsTest {
    private static XdistOptions of(String arguments) {
        return XdistOptions.in(ShellWords.split(arguments));
    }

    private static Optional<String> count(String arguments) {
        return of(arguments).count().map(Word::text);
    }

    private static Optional<String> max(String arguments) {
        return of(arguments).max().map(Word::text);
    }

    @Test
    void readsShortOptionWithSeparateValue() {
        assertThat(count("-n 4 tests")).contains("4");
    }

    @Test
    void readsShortOptionWithAttachedValue() {
        assertThat(count("-n4 tests")).contains("4");
        assertThat(count("-nauto")).contains("auto");
    }

    @Test
    void readsLongOptionWithSeparateValue() {
        assertThat(count("--numprocesses 4")).contains("4");
    }

    @Test
    void readsLongOptionWithEqualsValue() {
        assertThat(count("--numprocesses=4")).contains("4");
    }

    @Test
    void readsMaxprocessesInBothForms() {
        assertThat(max("-n auto --maxprocesses 3")).contains("3");
        assertThat(max("-n auto --maxprocesses=3")).contains("3");
    }

    @Test
    void readsCountAndMaxTogether() {
        XdistOptions options = of("-n auto --maxprocesses ${XDIST_WORKERS:-3} tests");
        assertThat(options.count().map(Word::text)).contains("auto");
        assertThat(options.max().map(Word::text)).contains("${XDIST_WORKERS:-3}");
    }

    @Test
    void lastCountWins() {
        assertThat(count("-n 2 tests --numprocesses=6")).contains("6");
        assertThat(count("--numprocesses 6 -n3")).contains("3");
    }

    @Test
    void lastMaxWins() {
        assertThat(max("--maxprocesses=2 --maxprocesses 5")).contains("5");
    }

    @Test
    void optionWithoutValueAtTheEndIsIgnored() {
        assertThat(count("-n 2 -n")).contains("2");
        assertThat(count("-n")).isEmpty();
        assertThat(max("--maxprocesses")).isEmpty();
    }

    @Test
    void valueOfAnOptionIsNotReadAsAnOption() {
        assertThat(count("-n 3 -n 5")).contains("5");
        assertThat(count("-n -n3")).contains("-n3");
    }

    @Test
    void otherOptionsAreNotXdistOptions() {
        XdistOptions options = of("-x --no-header -k name tests --numprocess 2");
        assertThat(options.isEmpty()).isTrue();
        assertThat(of("--nx").isEmpty()).isTrue();
    }

    @Test
    void emptyArgumentsHaveNoOptions() {
        assertThat(of("").isEmpty()).isTrue();
        assertThat(of("-n 1").isEmpty()).isFalse();
        assertThat(of("--maxprocesses 1").isEmpty()).isFalse();
    }

    @Test
    void attachedValueSpanPointsAtTheValue() {
        String line = "pytest -n4 --numprocesses=12 --maxprocesses=3";
        XdistOptions options = XdistOptions.in(ShellWords.split(line));
        Word count = options.count().orElseThrow();
        Word max = options.max().orElseThrow();
        assertThat(line.substring(count.start(), count.end())).isEqualTo("12");
        assertThat(line.substring(max.start(), max.end())).isEqualTo("3");
        Word shortForm = XdistOptions.in(ShellWords.split(line.substring(0, 10))).count().orElseThrow();
        assertThat(line.substring(shortForm.start(), shortForm.end())).isEqualTo("4");
    }

    @Test
    void separateValueKeepsItsOwnSpan() {
        String line = "pytest -n 4";
        Word count = XdistOptions.in(ShellWords.split(line)).count().orElseThrow();
        assertThat(count.start()).isEqualTo(10);
        assertThat(count.end()).isEqualTo(11);
    }

    @Test
    void attachedQuotedValueSpanCoversTheValue() {
        String line = "pytest --numprocesses=\"8\"";
        Word count = XdistOptions.in(ShellWords.split(line)).count().orElseThrow();
        assertThat(count.text()).isEqualTo("8");
        assertThat(line.substring(count.start(), count.end())).contains("8");
    }

    @Test
    void laterOptionsOverrideEarlierOnes() {
        XdistOptions config = of("-n 4 --maxprocesses 2");
        XdistOptions environment = of("-n 6");
        XdistOptions merged = config.overriddenBy(environment);
        assertThat(merged.count().map(Word::text)).contains("6");
        assertThat(merged.max().map(Word::text)).contains("2");
    }

    @Test
    void earlierOptionsStandWhenTheLaterHaveNone() {
        XdistOptions merged = of("-n 4").overriddenBy(of("-x"));
        assertThat(merged.count().map(Word::text)).contains("4");
        assertThat(merged.max()).isEmpty();
        assertThat(of("").overriddenBy(of("--maxprocesses 3")).max().map(Word::text)).contains("3");
    }
}
