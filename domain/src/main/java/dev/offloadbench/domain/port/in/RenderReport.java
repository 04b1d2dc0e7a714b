package dev.offloadbench.domain.port.in;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Renders the Benchmarks section from recorded results. */
public interface RenderReport {
    String render(Query query);

    record Query(Path results, Optional<Path> template) {
        public Query {
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(template, "template");
        }
    }
}
