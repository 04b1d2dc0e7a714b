package dev.offloadbench.domain.port.out;

import java.nio.file.Path;
import java.util.List;

/** Reads and rewrites the Benchmarks section of a README, leaving every other byte alone. */
public interface ReadmeStore {
    /**
     * The README's current Benchmarks section, lines ending in {@code \n}.
     *
     * @throws dev.offloadbench.domain.BenchException when the README is missing or has no (or two)
     *     Benchmarks headings
     */
    String currentSection(Path readme);

    /** What replacing the section would change, as a unified diff; nothing is written. */
    String previewSectionReplacement(Path readme, String section, List<String> keptSubsections);

    /**
     * Replaces the section atomically, verifies it by reading the file back, and adds the bar
     * images the section refers to when they are missing.
     *
     * @param keptSubsections {@code ###} headings of subsections to carry over from the current
     *     section as they are (projects the new results do not cover), where it has them
     * @return the files created beside the README (the bar images), if any
     */
    List<Path> replaceSection(Path readme, String section, List<String> keptSubsections);
}
