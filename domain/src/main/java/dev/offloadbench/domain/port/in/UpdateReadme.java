package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Replaces a README's Benchmarks section with the one rendered from recorded results. */
public interface UpdateReadme {
    Outcome update(Command command);

    record Command(Path results, Path readme, Optional<Path> template, boolean dryRun, boolean allowInvalid) {
        public Command {
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(readme, "readme");
            Objects.requireNonNull(template, "template");
        }
    }

    sealed interface Outcome {
    }

    /** Nothing written: some runs are INVALID and the command did not allow them. */
    record Refused(List<InvalidRun> invalidRuns) implements Outcome {
        public Refused {
            invalidRuns = List.copyOf(invalidRuns);
        }
    }

    /**
     * Nothing written: the change the update would make, as a unified diff (empty when none).
     *
     * @param keptSections headings of the README's project subsections that the results do not
     *     cover, kept as they were
     */
    record Previewed(String diff, List<InvalidRun> invalidRuns, List<String> keptSections) implements Outcome {
        public Previewed {
            invalidRuns = List.copyOf(invalidRuns);
            keptSections = List.copyOf(keptSections);
        }
    }

    /**
     * The README was rewritten and verified; {@code createdFiles} are the bar images that were
     * missing, {@code keptSections} the project subsections the results do not cover, kept as they were.
     */
    record Written(Path readme, List<Path> createdFiles, List<InvalidRun> invalidRuns, List<String> keptSections)
            implements Outcome {
        public Written {
            createdFiles = List.copyOf(createdFiles);
            invalidRuns = List.copyOf(invalidRuns);
            keptSections = List.copyOf(keptSections);
        }
    }
}
