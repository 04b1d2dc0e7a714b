package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.profile.ProjectHeadings;
import dev.offloadbench.domain.run.Cancellation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and rewrites the Benchmarks section of a README, leaving every other byte alone: the
 * subsections of projects the new section does not report stay as they are, where they are.
 */
public interface ReadmeStore {
    /**
     * The README's current Benchmarks section, lines ending in {@code \n}.
     *
     * @throws dev.offloadbench.domain.BenchException when the README is missing, not a regular
     *     file, or has no (or two) Benchmarks headings
     */
    String currentSection(Path readme);

    /** What replacing the section would change, as a unified diff; nothing is written. */
    Preview previewSectionReplacement(Path readme, SectionRendering rendering);

    /**
     * Replaces the section atomically, one update at a time, only if the README did not change
     * meanwhile; verifies it by reading the file back, and adds the bar images the section refers
     * to when they are missing. The README is read once, under the update lock, and the new
     * section rendered from the section it holds then.
     *
     * @throws dev.offloadbench.domain.BenchException when the update is refused (read-only, changed
     *     meanwhile, text in the section that would be lost, ...) or the rendering fails; the README
     *     is then unchanged
     * @throws dev.offloadbench.domain.run.Interrupted when cancelled before the README was replaced
     */
    Replacement replaceSection(Path readme, SectionRendering rendering, WriteRules rules);

    /**
     * The new section, made from the README's current one (its order of projects, say). The store
     * calls it once it has read the README (for a replacement, under the update lock), so that the
     * README is read once and the section replaced is the one the new section was made from.
     */
    @FunctionalInterface
    interface SectionRendering {
        /** @param currentSection the README's section as {@link #currentSection} gives it */
        NewSection render(String currentSection);
    }

    /**
     * A rendered Benchmarks section and what it reports.
     *
     * @param markdown the section, starting with its {@code ## Benchmarks} heading, lines ending in
     *     {@code \n}, rendered for the section the store read
     * @param headings tells which project a {@code ###} subsection belongs to
     * @param covered the ids of the projects the section reports: their subsections replace the
     *     README's ones; every other subsection is kept as it is
     * @param vocabulary every line the template can write for these projects (the section as it
     *     would be had each run every kind, several times): a line of the README's introduction or
     *     of a replaced subsection that is none of them is someone's text, and the update is refused
     *     rather than lose it
     */
    record NewSection(String markdown, ProjectHeadings headings, Set<String> covered, String vocabulary) {
        public NewSection {
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(headings, "headings");
            covered = Set.copyOf(covered);
            Objects.requireNonNull(vocabulary, "vocabulary");
        }

        /** A section whose lines are all the template can write. */
        public NewSection(String markdown, ProjectHeadings headings, Set<String> covered) {
            this(markdown, headings, covered, markdown);
        }
    }

    /**
     * @param force replace a read-only README (its mode is kept)
     * @param onWait called once, before waiting, when another update of the same README is under way
     * @param cancellation stops the update while it waits for another and at the last moment before
     *     the README is replaced ({@link dev.offloadbench.domain.run.Interrupted}); the README is then unchanged
     */
    record WriteRules(boolean force, Runnable onWait, Cancellation cancellation) {
        public WriteRules {
            Objects.requireNonNull(onWait, "onWait");
            Objects.requireNonNull(cancellation, "cancellation");
        }

        public WriteRules(boolean force, Runnable onWait) {
            this(force, onWait, new Cancellation());
        }
    }

    /** A {@code ###} subsection of the section, as its heading line reads, and the project it belongs to, if any. */
    record Subsection(String heading, Optional<String> profileId) {
        public Subsection {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(profileId, "profileId");
        }
    }

    /**
     * What happens to the section's subsections.
     *
     * @param replaced the README's subsections replaced by the new section's ones, in place
     * @param kept the README's subsections kept byte for byte (projects not covered, or no project's)
     * @param added subsections of projects the README did not show yet, after the others
     */
    record Merge(List<Subsection> replaced, List<Subsection> kept, List<Subsection> added) {
        public Merge {
            replaced = List.copyOf(replaced);
            kept = List.copyOf(kept);
            added = List.copyOf(added);
        }
    }

    /** @param diff the change as a unified diff, empty when there is none */
    record Preview(String diff, Merge merge) {
        public Preview {
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(merge, "merge");
        }
    }

    /**
     * @param file the file that holds the section: the README, or the file its symbolic link points to
     * @param viaLink whether the README is a symbolic link (the bar images then go beside {@code file})
     * @param changed false when the README already had this section (nothing was written)
     * @param createdFiles the bar images that were missing and were created
     */
    record Replacement(Path file, boolean viaLink, boolean changed, Merge merge, List<Path> createdFiles) {
        public Replacement {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(merge, "merge");
            createdFiles = List.copyOf(createdFiles);
        }
    }
}
