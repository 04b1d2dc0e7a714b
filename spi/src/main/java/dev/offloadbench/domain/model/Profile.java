package dev.offloadbench.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A project that can be benchmarked, and how its report reads.
 *
 * <p>{@code title} and {@code suiteLabel} make the report heading ("Sculptor" +
 * "Integration Tests (Playwright)"). Each {@code notes} entry is one line of the Notes block,
 * written as a template line: the renderer fills in the project's figures ({@code testCount},
 * {@code maxParallel}, {@code baseline.workers}, {@code high.workers}, {@code offload.speedup},
 * {@code offload.percent}, ...) and the other projects of the same report under
 * {@code projects.<id>} (for a comparison that reads naturally when the other project is absent,
 * guard it with {@code {{#if projects.<id>}}}). A line that renders empty is left out.
 *
 * <p>{@code runs} says which recipes run the project and how to give a run more workers.
 *
 * <p>A README's {@code ###} subsection is the project's when its heading starts with the
 * {@code title} ({@code ### Mng Integration Tests} is mng's, whatever the suite label says),
 * or with one of the {@code headingAliases} (for a project the README names differently),
 * compared without regard to case, whole words only.
 */
public record Profile(String id, String title, String suiteLabel, List<String> notes, RunDefaults runs,
        List<String> headingAliases) {
    public Profile {
        ProfileId.check(id);
        requireText(title, "title");
        requireText(suiteLabel, "suiteLabel");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        Objects.requireNonNull(runs, "runs");
        headingAliases = List.copyOf(Objects.requireNonNull(headingAliases, "headingAliases"));
        headingAliases.forEach(alias -> requireText(alias, "heading alias"));
    }

    /** A profile whose subsections the README heads with its title. */
    public Profile(String id, String title, String suiteLabel, List<String> notes, RunDefaults runs) {
        this(id, title, suiteLabel, notes, runs, List.of());
    }

    /** A profile that runs its project the procedure's way ({@link RunDefaults#PROCEDURE}). */
    public Profile(String id, String title, String suiteLabel, List<String> notes) {
        this(id, title, suiteLabel, notes, RunDefaults.PROCEDURE);
    }

    public Profile withTitle(String text) {
        return new Profile(id, text, suiteLabel, notes, runs, headingAliases);
    }

    public Profile withSuiteLabel(String text) {
        return new Profile(id, title, text, notes, runs, headingAliases);
    }

    public Profile withNotes(List<String> lines) {
        return new Profile(id, title, suiteLabel, lines, runs, headingAliases);
    }

    public Profile withHeadingAliases(List<String> aliases) {
        return new Profile(id, title, suiteLabel, notes, runs, aliases);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("profile " + name + " must not be blank");
        }
    }
}
