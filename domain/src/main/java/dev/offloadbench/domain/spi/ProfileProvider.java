package dev.offloadbench.domain.spi;

import dev.offloadbench.domain.model.Profile;
import java.util.List;

/**
 * What a plugin jar implements to add project profiles. Found with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/dev.offloadbench.domain.spi.ProfileProvider}).
 * Every method has a default, so the SPI can grow without breaking existing plugins.
 */
public interface ProfileProvider {
    /** The profiles this plugin adds; an id may not repeat one that is already installed. */
    default List<Profile> profiles() {
        return List.of();
    }
}
