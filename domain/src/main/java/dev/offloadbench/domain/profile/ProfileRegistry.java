package dev.offloadbench.domain.profile;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every installed profile by id. Built-in and plugin profiles are installed the same way,
 * through {@link #install(ProfileProvider)}; a second profile with the same id is refused.
 */
public final class ProfileRegistry {
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    public ProfileRegistry install(ProfileProvider provider) {
        String origin = provider.getClass().getName();
        for (Profile profile : provider.profiles()) {
            String earlier = origins.get(profile.id());
            if (earlier != null) {
                throw new BenchException("profile \"" + profile.id() + "\" is provided twice: by " + earlier
                        + " and by " + origin + "; remove one of the plugin jars");
            }
            profiles.put(profile.id(), profile);
            origins.put(profile.id(), origin);
        }
        return this;
    }

    public Profile get(String id) {
        Profile profile = profiles.get(id);
        if (profile == null) {
            throw new BenchException("unknown profile \"" + id + "\"; installed profiles: "
                    + String.join(", ", profiles.keySet())
                    + ". Add a plugin jar that provides it (see \"Writing a profile plugin\" in the README)");
        }
        return profile;
    }

    public Collection<Profile> all() {
        return Collections.unmodifiableCollection(profiles.values());
    }
}
