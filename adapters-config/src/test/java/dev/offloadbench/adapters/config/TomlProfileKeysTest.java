package dev.offloadbench.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProfileText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a configuration adds for plugins' sake: a project's report wording, and the exporters of every session. */
class TomlProfileKeysTest {
    @TempDir
    Path dir;

    private BenchConfig load(String toml) throws IOException {
        Path file = Files.writeString(dir.resolve("offload-bench.toml"), toml);
        return new TomlConfigLoader().load(Optional.of(file), Map.of("HOME", dir.toString()), dir);
    }

    @Test
    void aProjectTableMayWordItsPartOfTheReport() throws IOException {
        BenchConfig config = load("""
                [projects.widget]
                path = "widget"
                title = "Widget"
                suite_label = "API Tests"
                notes = ["{{testCount}} API tests.", "Run on n={{baseline.workers}} workers."]
                heading_aliases = ["Widget Service Tests"]
                """);

        ProfileText text = config.projects().get(0).text();
        assertThat(text.title()).contains("Widget");
        assertThat(text.suiteLabel()).contains("API Tests");
        assertThat(text.notes()).contains(List.of("{{testCount}} API tests.", "Run on n={{baseline.workers}} workers."));
        assertThat(text.headingAliases()).contains(List.of("Widget Service Tests"));
        assertThat(text.declaredAt()).isEqualTo(dir.resolve("offload-bench.toml") + ":1:1 [projects.widget]");
        assertThat(text.toProfile("widget").notes()).hasSize(2);
    }

    @Test
    void aTableThatSaysNothingAboutTheReportHasNoText() throws IOException {
        assertThat(load("[projects.mng]\npath = \"/p\"\n").projects().get(0).text()).isEqualTo(ProfileText.NONE);
    }

    @Test
    void wordingOfTheWrongShapeIsAnErrorWithItsPosition() throws IOException {
        Path file = dir.resolve("offload-bench.toml");
        assertThatThrownBy(() -> load("""
                [projects.widget]
                path = "widget"
                title = ""
                notes = "one line"
                heading_aliases = ["Widget", 3]
                """))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(file + ":3:1: `title` in [projects.widget] must not be empty")
                .hasMessageContaining(file + ":4:1: `notes` in [projects.widget] must be an array of strings, found a string")
                .hasMessageContaining(file + ":5:30: `heading_aliases` in [projects.widget] must hold non-empty strings,"
                        + " found an integer");
    }

    @Test
    void exportersNameFormatsOnceEach() throws IOException {
        assertThat(load("exporters = [\"csv\", \"json\"]\n").exporters()).containsExactly("csv", "json");
        assertThat(load("machine = \"box\"\n").exporters()).isEmpty();
        assertThatThrownBy(() -> load("exporters = [\"CSV file\", \"csv\", \"csv\"]\n"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("`exporters` names format \"CSV file\", which is not a format name")
                .hasMessageContaining("`exporters` names \"csv\" twice");
        assertThatThrownBy(() -> load("exporters = \"csv\"\n"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("`exporters` must be an array of strings, found a string");
    }
}
