package dev.offloadbench.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.PluginJars;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code in a place another user can write is never run: not one class of it. */
class PluginSafetyTest {
    @TempDir
    Path dir;

    /** A plugin whose very loading leaves a mark: a file, written when its class is initialised. */
    private Path markingPlugin(Path jar) throws IOException {
        return PluginJars.in(dir).source("mark.Marked", """
                package mark;
                public final class Marked implements dev.offloadbench.domain.spi.ProfileProvider {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
                """.formatted(marker())).service(ProfileProvider.class, "mark.Marked").jar(jar);
    }

    private Path marker() {
        return dir.resolve("plugin-code-ran");
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", dir.toString());
        environment.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        environment.put("XDG_STATE_HOME", dir.resolve("state").toString());
        return environment;
    }

    private Path pluginFolder() throws IOException {
        return Files.createDirectories(dir.resolve("config/offload-bench/plugins"));
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void aPluginFolderThatAnyoneCanWriteIsRefusedAndNothingFromItRuns() throws IOException {
        Path folder = pluginFolder();
        markingPlugin(folder.resolve("marked.jar"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        Result result = new BenchRunner(environment()).run("profiles");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: refusing to load plugins: plugin folder " + folder)
                .contains("can be written by its group and every user (rwxrwxrwx)")
                .contains("Fix: chmod go-w " + folder);
        assertThat(marker()).doesNotExist();
    }

    @Test
    void aPluginJarItsGroupCanWriteIsRefused() throws IOException {
        Path jar = markingPlugin(pluginFolder().resolve("marked.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));

        Result result = new BenchRunner(environment()).run("sessions");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("plugin jar " + jar + " can be written by its group (rw-rw-r--)");
        assertThat(marker()).doesNotExist();
    }

    @Test
    void aJarListedInAFolderOthersCanWriteIsRefusedUnlessTheFolderIsSticky() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path jar = markingPlugin(shared.resolve("marked.jar"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Map<String, String> environment = environment();
        environment.put(PluginLoader.PLUGINS_VARIABLE, jar.toString());

        Result open = new BenchRunner(environment).run("profiles");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).contains("folder of plugin jar " + jar);
        assertThat(marker()).doesNotExist();

        // like /tmp: everyone may add files, nobody may replace another's
        Files.setAttribute(shared, "unix:mode", 01777);
        Result sticky = new BenchRunner(environment).run("profiles");
        assertThat(sticky.exitCode()).as(sticky.err()).isZero();
        assertThat(marker()).exists();
    }

    @Test
    void aPluginJarOwnedByAnotherUserIsRefused() throws IOException {
        Assumptions.assumeTrue(runningAsRoot(), "only root can give a file to another user");
        Path jar = markingPlugin(pluginFolder().resolve("marked.jar"));
        UserPrincipal nobody = jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(jar, nobody);

        Result result = new BenchRunner(environment()).run("profiles");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("plugin jar " + jar + " is owned by nobody, not by root");
        assertThat(marker()).doesNotExist();
    }

    @Test
    void filesOfRootAreTrustedWhoeverRunsBench() throws IOException {
        Assumptions.assumeTrue(runningAsRoot(), "the files a test makes belong to root only when it runs as root");
        Path folder = pluginFolder();
        Path jar = markingPlugin(folder.resolve("marked.jar"));

        assertThatCode(() -> new PluginSafety("alice").requireSafeJar(jar)).doesNotThrowAnyException();
        assertThatCode(() -> new PluginSafety("alice").requireSafeFolder(folder)).doesNotThrowAnyException();
        Files.setOwner(jar, jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> new PluginSafety("alice").requireSafeJar(jar)).isInstanceOf(BenchException.class)
                .hasMessageContaining("is owned by nobody, not by alice (who runs bench) or root");
    }

    @Test
    void helpVersionAndCompletionLoadNoPlugin() throws IOException {
        Path folder = pluginFolder();
        markingPlugin(folder.resolve("marked.jar"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        BenchRunner bench = new BenchRunner(environment());

        for (String[] args : new String[][] {{"--version"}, {"--help"}, {"run", "--help"}, {"help", "run"},
            {"completion", "bash"}, {"results", "-h"}}) {
            Result result = bench.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
            assertThat(result.err()).as(String.join(" ", args)).doesNotContain("refusing");
        }
        assertThat(marker()).doesNotExist();
        assertThat(bench.run("profiles").exitCode()).as("the folder is unsafe, so loading it is refused").isEqualTo(2);
    }
}
