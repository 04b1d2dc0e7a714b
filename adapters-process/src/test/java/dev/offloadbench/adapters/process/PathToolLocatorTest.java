package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.port.out.ToolLocator.Tool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnabledOnOs({OS.LINUX, OS.MAC})
class PathToolLocatorTest {
    @TempDir
    Path dir;

    @Test
    void findsAShellOnThePath() {
        Tool sh = new PathToolLocator().find("sh", List.of("-c", "echo shell-version")).orElseThrow();

        assertThat(sh.path()).isAbsolute().isExecutable();
        assertThat(sh.path().getFileName().toString()).isEqualTo("sh");
        assertThat(sh.version()).isEqualTo("shell-version");
    }

    @Test
    void findsJustWithItsVersion() {
        RealJust.requireInstalled();

        Tool just = new PathToolLocator().find("just", List.of("--version")).orElseThrow();

        assertThat(just.version()).startsWith("just 1.");
    }

    @Test
    void findsNothingForAToolThatIsNotInstalled() {
        assertThat(new PathToolLocator().find("no-such-tool-" + ProcessHandle.current().pid(), List.of("--version")))
                .isEmpty();
    }

    @Test
    void searchesTheFoldersOfTheGivenPathInOrderAndSkipsFilesThatCannotRun() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Files.writeString(first.resolve("offload"), "not executable");
        script(second.resolve("offload"), "printf '\\n   \\n  offload 0.9.1  \\nmore\\n'");
        Map<String, String> environment = Map.of("PATH", first + File.pathSeparator + second);

        Tool offload = new PathToolLocator(environment).find("offload", List.of("--version")).orElseThrow();

        assertThat(offload).isEqualTo(new Tool(second.resolve("offload"), "offload 0.9.1"));
        assertThat(offload.versionKnown()).isTrue();
        assertThat(new PathToolLocator(environment).find("sh", List.of("--version"))).isEmpty();
    }

    @Test
    void saysTheVersionIsUnknownWhenTheVersionCommandFails() throws IOException {
        script(dir.resolve("broken"), "echo 'unknown option' >&2; exit 3");

        Tool broken = new PathToolLocator(Map.of("PATH", dir.toString())).find("broken", List.of("--version"))
                .orElseThrow();

        assertThat(broken.version()).isEqualTo("unknown (`" + dir.resolve("broken") + " --version` exited 3)");
        assertThat(broken.versionKnown()).isFalse();
    }

    /**
     * rust-just as npm installs it: {@code bin/just} links to the package's Node script, which
     * would start the platform package's native binary (here a copy of the real just). The
     * script itself only says it ran, which the native binary never does.
     */
    static Path npmInstall(Path root, boolean hoisted) throws IOException {
        RealJust.requireInstalled();
        Path realJust = new PathToolLocator().locate("just").orElseThrow().toRealPath();
        Path modules = Files.createDirectories(root.resolve("lib/node_modules"));
        Path pkg = Files.createDirectories(modules.resolve("rust-just/lib"));
        script(pkg.resolve("index.mjs"), "echo 'the Node wrapper ran'");
        Path platform = hoisted ? modules.resolve("rust-just-linux-x64/bin")
                : modules.resolve("rust-just/node_modules/rust-just-linux-x64/bin");
        Files.createDirectories(platform);
        Files.copy(realJust, platform.resolve("just"));
        Files.setPosixFilePermissions(platform.resolve("just"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("just"), pkg.resolve("index.mjs"));
        return bin;
    }

    @ParameterizedTest(name = "hoisted: {0}")
    @ValueSource(booleans = {false, true})
    void runsTheNativeBinaryInPlaceOfRustJustsNodeWrapper(boolean hoisted) throws IOException {
        Path bin = npmInstall(dir, hoisted);
        PathToolLocator locator = new PathToolLocator(Map.of("PATH", bin + File.pathSeparator + "/usr/bin:/bin"));

        Tool just = locator.find("just", List.of("--version")).orElseThrow();

        assertThat(just.path().toString()).endsWith("rust-just-linux-x64/bin/just");
        assertThat(just.standsInFor()).contains(bin.resolve("just"));
        assertThat(just.version()).startsWith("just 1.");
    }

    @Test
    void aJustThatIsNoWrapperRunsAsItIs() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("just"), "echo 'just 9.9.9'");

        Tool just = new PathToolLocator(Map.of("PATH", bin.toString())).find("just", List.of("--version"))
                .orElseThrow();

        assertThat(just).isEqualTo(new Tool(bin.resolve("just"), "just 9.9.9"));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
