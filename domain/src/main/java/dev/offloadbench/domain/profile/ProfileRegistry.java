package dev.offloadbench.domain.profile;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProfileText;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every installed profile by id, with where it comes from. Built-in and plugin profiles are
 * installed the same way, through {@link #install(String, List)}; a second profile with the
 * same id is refused, naming both sources. The configuration adds its own on top
 * ({@link #withConfiguration}): a {@code [projects.<id>]} table with a title and a suite label is
 * a profile, and its report wording replaces an installed profile's.
 */
public final class ProfileRegistry {
    /** The source of the profiles that come with offload-bench. */
    public static final String BUILT_IN = "built-in";

    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    /** Tables of the configuration that name an unknown profile and cannot make one (no title or suite_label). */
    private final Map<String, String> incomplete = new LinkedHashMap<>();

    /** Installs the provider's profiles, their source being the provider's class. */
    public ProfileRegistry install(ProfileProvider provider) {
        return install(provider.getClass().getName(), provider.profiles());
    }

    /**
     * Installs profiles from one source ({@value #BUILT_IN}, a plugin jar's path, ...).
     *
     * @throws BenchException when an id is already installed, naming both sources
     */
    public ProfileRegistry install(String origin, List<Profile> provided) {
        for (Profile profile : provided) {
            String earlier = origins.get(profile.id());
            if (earlier != null) {
                throw new BenchException("profile \"" + profile.id() + "\" is provided twice: by " + earlier
                        + " and by " + origin + "; remove one of them");
            }
        }
        for (Profile profile : provided) {
            profiles.put(profile.id(), profile);
            origins.put(profile.id(), origin);
        }
        return this;
    }

    /**
     * These profiles with the configuration's on top: a table with {@code title} and
     * {@code suite_label} whose id no installed profile has becomes a profile of its own (the
     * procedure's way of running, its words); the report wording a table gives replaces an
     * installed profile's.
     */
    public ProfileRegistry withConfiguration(BenchConfig config) {
        ProfileRegistry result = new ProfileRegistry();
        result.profiles.putAll(profiles);
        result.origins.putAll(origins);
        for (ProjectConfig project : config.projects()) {
            ProfileText text = project.text();
            String id = project.profile();
            Profile installed = profiles.get(id);
            if (text.isEmpty()) {
                continue;
            }
            if (installed != null) {
                result.profiles.put(id, text.applyTo(installed));
                result.origins.put(id, origins.get(id) + ", worded by the configuration (" + text.declaredAt() + ")");
            } else if (text.definesProfile()) {
                result.profiles.put(id, text.toProfile(id));
                result.origins.put(id, "configuration (" + text.declaredAt() + ")");
            } else {
                result.incomplete.put(id, text.declaredAt());
            }
        }
        return result;
    }

    public Profile get(String id) {
        Profile profile = profiles.get(id);
        if (profile == null) {
            String declared = incomplete.get(id);
            if (declared != null) {
                throw new BenchException("profile \"" + id + "\" is not installed, and its table at " + declared
                        + " cannot make it: give it both `title` and `suite_label` (and `notes` if you like)");
            }
            throw new BenchException("unknown profile \"" + id + "\"; installed profiles: "
                    + String.join(", ", profiles.keySet())
                    + ". Give [projects." + id + "] a `title` and a `suite_label` in the configuration, or add a"
                    + " plugin jar that provides it (see \"Plugins\" in the README)");
        }
        return profile;
    }

    public Optional<Profile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    /** Where the profile comes from: {@value #BUILT_IN}, a plugin jar, the configuration. */
    public Optional<String> origin(String id) {
        return Optional.ofNullable(origins.get(id));
    }

    public Collection<Profile> all() {
        return Collections.unmodifiableCollection(profiles.values());
    }
}
