package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import dev.offloadbench.domain.port.out.ReadmeStore.Merge;
import dev.offloadbench.domain.run.Cancellation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Replaces a README's Benchmarks section with the one rendered from recorded results. */
public interface UpdateReadme {
    /**
     * @param waiting told once when another update of the same README is under way and this one waits
     * @param cancellation stops the update (while it waits for another, or at the last moment
     *     before the README is replaced), leaving the README as it was
     * @throws dev.offloadbench.domain.run.Interrupted when cancelled before the README was replaced
     */
    Outcome update(Command command, Runnable waiting, Cancellation cancellation);

    default Outcome update(Command command, Runnable waiting) {
        return update(command, waiting, new Cancellation());
    }

    default Outcome update(Command command) {
        return update(command, () -> { });
    }

    /** @param force replace a read-only README (its mode is kept) */
    record Command(Path results, Path readme, Optional<Path> template, boolean dryRun, boolean allowInvalid,
            boolean force) {
        public Command {
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(readme, "readme");
            Objects.requireNonNull(template, "template");
        }

        public Command(Path results, Path readme, Optional<Path> template, boolean dryRun, boolean allowInvalid) {
            this(results, readme, template, dryRun, allowInvalid, false);
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

    /** Nothing written: the change the update would make, as a unified diff (empty when none). */
    record Previewed(String diff, List<InvalidRun> invalidRuns, Merge merge) implements Outcome {
        public Previewed {
            invalidRuns = List.copyOf(invalidRuns);
            Objects.requireNonNull(merge, "merge");
        }
    }

    /**
     * The README holds the new section, verified by reading it back.
     *
     * @param file the file written: the README, or the file its symbolic link points to
     * @param viaLink whether the README is a symbolic link
     * @param changed false when it already held this section (nothing was written)
     * @param createdFiles the bar images that were missing
     */
    record Written(Path readme, Path file, boolean viaLink, boolean changed, List<Path> createdFiles,
            List<InvalidRun> invalidRuns, Merge merge) implements Outcome {
        public Written {
            createdFiles = List.copyOf(createdFiles);
            invalidRuns = List.copyOf(invalidRuns);
            Objects.requireNonNull(merge, "merge");
        }
    }
}
