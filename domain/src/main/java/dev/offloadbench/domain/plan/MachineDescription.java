package dev.offloadbench.domain.plan;

import java.util.Locale;
import java.util.Objects;

/** The machine the local baselines run on, as the README will name it, and where that came from. */
public record MachineDescription(String description, Source source) {
    public enum Source {
        /** {@code machine} in the configuration file. */
        CONFIG,
        /** The sentence "All local baselines were run on a ..." of the README's current section. */
        README,
        /** Read off this machine. */
        DETECTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MachineDescription {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }
}
