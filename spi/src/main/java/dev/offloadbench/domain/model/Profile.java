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
 *
 * <p>{@code runnerLabel} names the runner in the report's local rows
 * ({@code | pytest with xdist, n=4 (baseline) |}): {@value #PYTEST_XDIST} unless the project's
 * local runs use another runner ({@code cargo-nextest}, with its output parser in {@code runs}).
 */
public record Profile(String id, String title, String suiteLabel, List<String> notes, RunDefaults runs,
        List<String> headingAliases, String runnerLabel) {
    /** The runner of the procedure's local runs, as the report's rows name it. */
    public static final String PYTEST_XDIST = "pytest with xdist";

    public Profile {
        ProfileId.check(id);
        requireText(title, "title");
        requireText(suiteLabel, "suiteLabel");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        Objects.requireNonNull(runs, "runs");
        headingAliases = List.copyOf(Objects.requireNonNull(headingAliases, "headingAliases"));
        headingAliases.forEach(alias -> requireText(alias, "heading alias"));
        requireText(runnerLabel, "runnerLabel");
    }

    /** A profile whose local runs are pytest-xdist's ({@value #PYTEST_XDIST}). */
    public Profile(String id, String title, String suiteLabel, List<String> notes, RunDefaults runs,
            List<String> headingAliases) {
        this(id, title, suiteLabel, notes, runs, headingAliases, PYTEST_XDIST);
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
        return new Profile(id, text, suiteLabel, notes, runs, headingAliases, runnerLabel);
    }

    public Profile withSuiteLabel(String text) {
        return new Profile(id, title, text, notes, runs, headingAliases, runnerLabel);
    }

    public Profile withNotes(List<String> lines) {
        return new Profile(id, title, suiteLabel, lines, runs, headingAliases, runnerLabel);
    }

    public Profile withHeadingAliases(List<String> aliases) {
        return new Profile(id, title, suiteLabel, notes, runs, aliases, runnerLabel);
    }

    /** The runner as the report's local rows name it ("cargo-nextest"). */
    public Profile withRunnerLabel(String label) {
        return new Profile(id, title, suiteLabel, notes, runs, headingAliases, label);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("profile " + name + " must not be blank");
        }
    }
}
