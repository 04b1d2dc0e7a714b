package dev.offloadbench.domain.spi;

import dev.offloadbench.domain.model.Profile;
import java.util.List;

/**
 * Adds project profiles: how a project is run (its recipes, how to ask for more workers, which
 * output parser reads its runner) and how its part of the report reads. Found with
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.offloadbench.domain.spi.ProfileProvider}. Every method has a
 * default, so the SPI can grow without breaking existing plugins.
 */
public interface ProfileProvider {
    /** The profiles this plugin adds; an id may not repeat one that is already installed. */
    default List<Profile> profiles() {
        return List.of();
    }
}
