package dev.offloadbench.spi.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DemoProfilesTest {
    @Test
    void isFoundThroughItsServiceFile() {
        assertThat(ServiceLoader.load(ProfileProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(DemoProfiles.class);
    }

    @Test
    void providesTheDemoProfile() {
        assertThat(new DemoProfiles().profiles()).extracting(p -> p.id()).containsExactly("demo");
    }
}
