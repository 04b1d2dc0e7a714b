package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.model.BenchmarkReport;
import java.nio.file.Path;
import java.util.Optional;

/** Turns a report into the markdown of the Benchmarks section. */
public interface ReportRenderer {
    /**
     * @param template a user's template file, or empty for the built-in one that reproduces
     *     the procedure's template
     * @return the section, starting with its {@code ## Benchmarks} heading, lines ending in {@code \n}
     */
    String render(BenchmarkReport report, Optional<Path> template);
}
