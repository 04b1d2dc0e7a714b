package dev.offloadbench.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRegistryTest {

    @Test
    void findsBuiltInProfilesById() {
        ProfileRegistry registry = new ProfileRegistry().install(new BuiltInProfiles());
        assertThat(registry.get("sculptor").suiteLabel()).isEqualTo("Integration Tests (Playwright)");
        assertThat(registry.get("mng").suiteLabel()).isEqualTo("Unit + Integration Tests");
    }

    @Test
    void namesTheInstalledProfilesWhenOneIsUnknown() {
        ProfileRegistry registry = new ProfileRegistry().install(new BuiltInProfiles());
        assertThatThrownBy(() -> registry.get("django"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("unknown profile \"django\"")
                .hasMessageContaining("mng, sculptor");
    }

    @Test
    void refusesTwoProfilesWithTheSameId() {
        ProfileProvider clash = new ProfileProvider() {
            @Override
            public List<Profile> profiles() {
                return List.of(new Profile("mng", "Other", "Tests", List.of()));
            }
        };
        ProfileRegistry registry = new ProfileRegistry().install(new BuiltInProfiles());
        assertThatThrownBy(() -> registry.install(clash))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("\"mng\" is provided twice");
    }

    @Test
    void anOldPluginWithoutOverridesProvidesNothing() {
        ProfileRegistry registry = new ProfileRegistry().install(new ProfileProvider() { });
        assertThat(registry.all()).isEmpty();
    }
}
