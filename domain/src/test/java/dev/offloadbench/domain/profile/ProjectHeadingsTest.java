package dev.offloadbench.domain.profile;

import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectHeadingsTest {
    private static final ProjectHeadings BUILT_IN = ProjectHeadings.of(new BuiltInProfiles().profiles());

    private static Optional<String> owner(ProjectHeadings headings, String heading) {
        return headings.owner(heading).map(Profile::id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "### Mng Integration Tests                    | mng",
        "### Mng Unit + Integration Tests             | mng",
        "### mng                                      | mng",
        "###   MNG: integration ###                   | mng",
        "### Sculptor Integration Tests               | sculptor",
        "### Sculptor Integration Tests (Playwright)  | sculptor",
        "Sculptor                                     | sculptor"})
    void aHeadingBelongsToTheProjectWhoseTitleItStartsWith(String heading, String id) {
        assertThat(owner(BUILT_IN, heading)).contains(id);
    }

    @ParameterizedTest
    @CsvSource({"### Mngr Integration Tests", "### Widget Tests", "### Integration Tests of Mng", "###"})
    void otherwiseItBelongsToNone(String heading) {
        assertThat(owner(BUILT_IN, heading)).isEmpty();
    }

    @Test
    void aHeadingAliasCountsLikeTheTitle() {
        Profile mng = new Profile("mng", "Mng", "Unit Tests", List.of(), RunDefaults.PROCEDURE, List.of("Mngr"));

        assertThat(owner(ProjectHeadings.of(List.of(mng)), "### Mngr Integration Tests")).contains("mng");
    }

    @Test
    void aHeadingTwoProfilesClaimIsRefusedNamingBothWhenAnUpdateCoversEither() {
        Profile mngr = new Profile("mngr", "Mngr", "Tests", List.of(), RunDefaults.PROCEDURE,
                List.of("Mng Integration Tests"));
        ProjectHeadings headings = ProjectHeadings.of(List.of(BuiltInProfiles.MNG, BuiltInProfiles.SCULPTOR, mngr));

        for (var covered : List.of(java.util.Set.of("mng"), java.util.Set.of("mngr"), java.util.Set.of("mng", "mngr"))) {
            assertThatThrownBy(() -> headings.owner("### Mng Integration Tests", covered))
                    .isInstanceOf(BenchException.class)
                    .hasMessageStartingWith("the README heading \"### Mng Integration Tests\" could be project mng's"
                            + " (its title \"Mng\") or project mngr's (its heading alias \"Mng Integration Tests\")")
                    .hasMessageContaining("rename the heading, or change the title or heading_aliases");
        }
        assertThat(headings.owner("### Mng Integration Tests", java.util.Set.of("sculptor")))
                .as("an update that covers neither keeps the subsection whoever it is").map(Profile::id).contains("mngr");
        assertThat(headings.owner("### Mng Unit Tests", java.util.Set.of("mng", "mngr"))).map(Profile::id)
                .contains("mng");
    }

    @Test
    void theLongestTitleWins() {
        Profile mng = new Profile("mng", "Mng", "Tests", List.of());
        Profile acceptance = new Profile("mng-acceptance", "Mng Acceptance", "Tests", List.of());

        ProjectHeadings headings = ProjectHeadings.of(List.of(mng, acceptance));

        assertThat(owner(headings, "### Mng Acceptance Tests")).contains("mng-acceptance");
        assertThat(owner(headings, "### Mng Integration Tests")).contains("mng");
    }

    @Test
    void twoProjectsWithOneTitleAreAnErrorOnlyWhereItMatters() {
        ProjectHeadings headings = ProjectHeadings.of(List.of(new Profile("a", "Demo", "Tests", List.of()),
                new Profile("b", "Demo", "Tests", List.of())));

        assertThat(owner(headings, "### Other")).isEmpty();
        assertThatThrownBy(() -> headings.owner("### Demo Tests"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("project a's or project b's");
    }

    @Test
    void theTextOfAHeadingLeavesOutItsMarkers() {
        assertThat(ProjectHeadings.text("  ### Mng Tests ##  ")).isEqualTo("Mng Tests");
        assertThat(ProjectHeadings.text("### C#")).isEqualTo("C#");
    }
}
