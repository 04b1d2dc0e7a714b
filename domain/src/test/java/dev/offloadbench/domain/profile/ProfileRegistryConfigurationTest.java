package dev.offloadbench.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProfileText;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Profiles without Java: a [projects.X] table that words its report. */
class ProfileRegistryConfigurationTest {
    private static final String AT = "/cfg/offload-bench.toml:4:1 [projects.x]";

    private static ProjectConfig project(String id, ProfileText text) {
        return new ProjectConfig(id, Path.of("/p", id), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Map.of(), text);
    }

    private static BenchConfig config(ProjectConfig... projects) {
        return new BenchConfig(Optional.of(Path.of("/cfg/offload-bench.toml")), Optional.empty(), Path.of("/o"),
                Path.of("/o/README.md"), List.of(projects));
    }

    private static ProfileRegistry installed() {
        return new ProfileRegistry().install(ProfileRegistry.BUILT_IN, new BuiltInProfiles().profiles());
    }

    @Test
    void aTableWithTitleAndSuiteLabelIsAProfileOfItsOwn() {
        ProfileRegistry registry = installed().withConfiguration(config(project("widget", new ProfileText(
                Optional.of("Widget"), Optional.of("API Tests"), Optional.of(List.of("{{testCount}} API tests.")),
                Optional.of(List.of("Widget Service")), AT))));

        Profile widget = registry.get("widget");
        assertThat(widget.title()).isEqualTo("Widget");
        assertThat(widget.suiteLabel()).isEqualTo("API Tests");
        assertThat(widget.notes()).containsExactly("{{testCount}} API tests.");
        assertThat(widget.headingAliases()).containsExactly("Widget Service");
        assertThat(widget.runs()).isEqualTo(RunDefaults.PROCEDURE);
        assertThat(registry.origin("widget")).contains("configuration (" + AT + ")");
        assertThat(registry.origin("mng")).contains("built-in");
    }

    @Test
    void aTableRewordsAnInstalledProfileKeepingHowItRuns() {
        ProfileRegistry registry = installed().withConfiguration(config(project("mng", new ProfileText(
                Optional.empty(), Optional.of("Integration Tests"), Optional.of(List.of()), Optional.empty(), AT))));

        Profile mng = registry.get("mng");
        assertThat(mng.title()).isEqualTo("Mng");
        assertThat(mng.suiteLabel()).isEqualTo("Integration Tests");
        assertThat(mng.notes()).isEmpty();
        assertThat(mng.runs()).isEqualTo(BuiltInProfiles.MNG.runs());
        assertThat(registry.origin("mng")).contains("built-in, worded by the configuration (" + AT + ")");
        assertThat(installed().get("mng").suiteLabel()).as("the installed one is untouched")
                .isEqualTo("Unit + Integration Tests");
    }

    @Test
    void aTableWithoutTitleOrSuiteLabelForAnUnknownProfileSaysWhatIsMissing() {
        ProfileRegistry registry = installed().withConfiguration(config(project("widget", new ProfileText(
                Optional.of("Widget"), Optional.empty(), Optional.empty(), Optional.empty(), AT))));

        assertThatThrownBy(() -> registry.get("widget")).isInstanceOf(BenchException.class)
                .hasMessageContaining("its table at " + AT + " cannot make it: give it both `title` and `suite_label`");
        assertThatThrownBy(() -> installed().get("widget")).isInstanceOf(BenchException.class)
                .hasMessageContaining("Give [projects.widget] a `title` and a `suite_label`");
    }
}
