package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.session.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's commit, asked of the real git in a repository of the test's own. */
class GitProjectRevisionsTest {
    @TempDir
    Path dir;
    Path repository;
    final GitProjectRevisions revisions = new GitProjectRevisions(new ProcessCommandRunner(Map.of(
            "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", System.getProperty("java.io.tmpdir"),
            "GIT_CONFIG_NOSYSTEM", "1")));

    private String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output.strip();
    }

    @BeforeEach
    void repository() throws IOException, InterruptedException {
        repository = Files.createDirectories(dir.resolve("project"));
        git("init", "-q");
        Files.writeString(repository.resolve("justfile"), "test:\n    true\n");
        git("add", "justfile");
        git("commit", "-q", "-m", "first");
    }

    @Test
    void theCommitTheCheckoutIsAtAndACleanTree() throws IOException, InterruptedException {
        assertThat(revisions.revision(repository)).hasValue(new Revision(git("rev-parse", "HEAD"), false));
    }

    @Test
    void aChangedTrackedFileMakesItDirtyAnUntrackedOneDoesNot() throws IOException, InterruptedException {
        Files.writeString(repository.resolve("notes.txt"), "not tracked\n");
        assertThat(revisions.revision(repository).orElseThrow().dirty()).isFalse();

        Files.writeString(repository.resolve("justfile"), "test:\n    false\n");
        assertThat(revisions.revision(repository)).hasValue(new Revision(git("rev-parse", "HEAD"), true));
    }

    @Test
    void aSubfolderOfACheckoutHasItsCommit() throws IOException, InterruptedException {
        Path sub = Files.createDirectories(repository.resolve("libs/mngr"));

        assertThat(revisions.revision(sub)).hasValue(new Revision(git("rev-parse", "HEAD"), false));
    }

    @Test
    void noCheckoutNoCommitNoFolderIsNoRevision() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThat(revisions.revision(plain)).isEmpty();
        assertThat(revisions.revision(dir.resolve("missing"))).isEmpty();
        GitProjectRevisions withoutGit = new GitProjectRevisions((argv, folder, environment, timeout) -> {
            throw new BenchException("cannot run `git`: `git` was not found on the PATH");
        });
        assertThat(withoutGit.revision(repository)).as("git not installed").isEmpty();
    }

    @Test
    void aRepositoryWithoutCommitsHasNoRevision() throws IOException, InterruptedException {
        repository = Files.createDirectories(dir.resolve("fresh"));
        git("init", "-q");

        assertThat(revisions.revision(repository)).isEmpty();
    }
}
