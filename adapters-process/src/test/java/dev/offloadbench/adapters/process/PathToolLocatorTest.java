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

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
