package dev.offloadbench.spi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ExampleProfilesTest {
    @Test
    void isFoundThroughItsServiceFile() {
        assertThat(ServiceLoader.load(ProfileProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(ExampleProfiles.class);
    }

    @Test
    void providesTheDemoProfile() {
        assertThat(new ExampleProfiles().profiles()).extracting(p -> p.id()).containsExactly("demo");
    }
}
