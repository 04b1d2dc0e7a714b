package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.RecipeCall;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JustCliReaderErrorsTest {
    @TempDir
    Path project;

    @Test
    void saysThereIsNoJustfile() {
        RealJust.requireInstalled();

        assertThatThrownBy(() -> new JustCliReader().read(project))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith("no justfile in " + project.toAbsolutePath())
                .hasMessageContaining("offload-bench.toml");
    }

    @Test
    void refusesAJustfileOfAParentFolder() throws Exception {
        RealJust.requireInstalled();
        Files.writeString(project.resolve("justfile"), "test:\n    echo test\n");
        Path sub = Files.createDirectory(project.resolve("sub"));

        assertThatThrownBy(() -> new JustCliReader().read(sub))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith("no justfile in " + sub)
                .hasMessageContaining("parent folder");
    }

    @Test
    void pointsAtTheFileLineAndColumnOfASyntaxError() throws Exception {
        RealJust.requireInstalled();
        Files.writeString(project.resolve("justfile"), "workers := \"4\"\n\ntest:\n    echo {{workers}\n");

        assertThatThrownBy(() -> new JustCliReader().read(project))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(project.resolve("justfile") + ":4:")
                .hasMessageContaining("error: unexpected closing delimiter `}`");
    }

    @Test
    void pointsIntoTheImportedFileThatHasTheError() throws Exception {
        RealJust.requireInstalled();
        Files.writeString(project.resolve("justfile"), "import 'ci.just'\n\ntest:\n    echo test\n");
        Files.writeString(project.resolve("ci.just"), "ci:\n    echo {{nosuchfn()}}\n");

        assertThatThrownBy(() -> new JustCliReader().read(project))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(project.resolve("ci.just") + ":2:")
                .hasMessageContaining("nosuchfn");
    }

    @Test
    void saysHowToInstallJustWhenItIsMissing() throws Exception {
        Files.writeString(project.resolve("justfile"), "test:\n    echo test\n");
        JustCliReader reader = new JustCliReader("just-not-installed-" + ProcessHandle.current().pid());

        assertThatThrownBy(() -> reader.read(project))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("was not found on the PATH")
                .hasMessageContaining("npm install -g rust-just");
        assertThatThrownBy(() -> reader.dryRun(project, RecipeCall.of("test")))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("was not found on the PATH");
    }

    @Test
    void saysTheProjectFolderDoesNotExist() {
        Path missing = project.resolve("nope");

        assertThatThrownBy(() -> new JustCliReader().read(missing))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(missing + " does not exist");
    }
}
