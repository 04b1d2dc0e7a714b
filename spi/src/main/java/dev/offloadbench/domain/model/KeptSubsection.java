package dev.offloadbench.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A subsection of a README's Benchmarks section that an update keeps byte for byte (a project
 * these results do not cover), as the section's introduction must speak of it: the name it goes
 * by, and the Offload provider its Offload row names ({@code | Offload (Modal, max 200) |}), when
 * it shows one.
 *
 * @param name the project's title, or the heading's words for a subsection of no known project
 * @param offloadProvider the provider as its Offload row names it ("Modal", "local"); empty when
 *     the subsection shows no Offload row
 */
public record KeptSubsection(String name, Optional<String> offloadProvider) {
    public KeptSubsection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(offloadProvider, "offloadProvider");
    }
}
