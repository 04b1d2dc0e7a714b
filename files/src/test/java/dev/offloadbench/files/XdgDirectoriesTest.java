package dev.offloadbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XdgDirectoriesTest {
    private static final Path ACCOUNT_HOME = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();

    @Test
    void usesTheXdgVariablesWhenTheyAreAbsolute() {
        XdgDirectories xdg = new XdgDirectories(Map.of("HOME", "/home/ann", "XDG_CONFIG_HOME", "/cfg",
                "XDG_STATE_HOME", "/st"));

        assertThat(xdg.home()).isEqualTo(Path.of("/home/ann"));
        assertThat(xdg.config()).isEqualTo(Path.of("/cfg/offload-bench"));
        assertThat(xdg.state()).isEqualTo(Path.of("/st/offload-bench"));
        assertThat(xdg.warnings()).isEmpty();
    }

    @Test
    void defaultsToTheFoldersUnderHome() {
        XdgDirectories xdg = new XdgDirectories(Map.of("HOME", "/home/ann"));

        assertThat(xdg.configHome()).isEqualTo(Path.of("/home/ann/.config"));
        assertThat(xdg.stateHome()).isEqualTo(Path.of("/home/ann/.local/state"));
        assertThat(xdg.state()).isEqualTo(Path.of("/home/ann/.local/state/offload-bench"));
    }

    @Test
    void anEmptyHomeIsUnsetSoNothingDependsOnTheCurrentFolder() {
        XdgDirectories empty = new XdgDirectories(Map.of("HOME", "", "XDG_STATE_HOME", ""));
        XdgDirectories unset = new XdgDirectories(Map.of());

        assertThat(empty.home()).isEqualTo(ACCOUNT_HOME).isEqualTo(unset.home());
        assertThat(empty.state()).isAbsolute().isEqualTo(ACCOUNT_HOME.resolve(".local/state/offload-bench"));
        assertThat(empty.config()).isAbsolute().isEqualTo(unset.config());
        assertThat(empty.expand("~/x", Path.of("/base"))).isEqualTo(ACCOUNT_HOME.resolve("x"));
        assertThat(empty.warnings()).isEmpty();
    }

    @Test
    void relativeValuesAreSaidAndIgnored() {
        XdgDirectories xdg = new XdgDirectories(Map.of("HOME", "relative/home", "XDG_CONFIG_HOME", "rel/cfg",
                "XDG_STATE_HOME", "rel/state"));

        assertThat(xdg.home()).isEqualTo(ACCOUNT_HOME);
        assertThat(xdg.config()).isEqualTo(ACCOUNT_HOME.resolve(".config/offload-bench"));
        assertThat(xdg.state()).isEqualTo(ACCOUNT_HOME.resolve(".local/state/offload-bench"));
        assertThat(xdg.warnings()).hasSize(3)
                .anySatisfy(w -> assertThat(w).startsWith("HOME=relative/home is not an absolute path"))
                .anySatisfy(w -> assertThat(w).startsWith("XDG_CONFIG_HOME=rel/cfg is not an absolute path, so it is"
                        + " ignored (the XDG base directory rules say so) and ~/.config is used"))
                .anySatisfy(w -> assertThat(w).startsWith("XDG_STATE_HOME=rel/state is not an absolute path"));
    }

    @Test
    void expandsTheTildeAgainstHomeAndOtherRelativePathsAgainstTheBase() {
        XdgDirectories xdg = new XdgDirectories(Map.of("HOME", "/home/ann"));

        assertThat(xdg.expand("~", Path.of("/base"))).isEqualTo(Path.of("/home/ann"));
        assertThat(xdg.expand("~/imbue/mng", Path.of("/base"))).isEqualTo(Path.of("/home/ann/imbue/mng"));
        assertThat(xdg.expand("proj/../mng", Path.of("/base"))).isEqualTo(Path.of("/base/mng"));
        assertThat(xdg.expand("/abs", Path.of("/base"))).isEqualTo(Path.of("/abs"));
    }
}
