package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.ProjectRevisions;
import dev.offloadbench.domain.session.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A project's commit, asked of the real {@code git}: {@code git rev-parse --verify HEAD}, and
 * {@code git status --porcelain --untracked-files=no} for whether tracked files changed (as
 * {@code git describe --dirty} counts it: a new untracked file does not make the tree dirty).
 * Status is asked with {@code GIT_OPTIONAL_LOCKS=0}, so that it never takes the index's lock from
 * a git the user runs meanwhile. Whatever git cannot tell is no commit.
 */
public final class GitProjectRevisions implements ProjectRevisions {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private final CommandRunner git;

    public GitProjectRevisions(CommandRunner git) {
        this.git = git;
    }

    @Override
    public Optional<Revision> revision(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            CommandRunner.Completed head = git.run(List.of("git", "rev-parse", "--verify", "--quiet", "HEAD"), folder,
                    Map.of(), TIMEOUT);
            String commit = head.output().strip();
            if (!head.succeeded() || !COMMIT.matcher(commit).matches()) {
                return Optional.empty();
            }
            CommandRunner.Completed status = git.run(List.of("git", "status", "--porcelain", "--untracked-files=no"),
                    folder, Map.of("GIT_OPTIONAL_LOCKS", "0"), TIMEOUT);
            if (!status.succeeded()) {
                return Optional.empty();
            }
            return Optional.of(new Revision(commit, !status.output().isBlank()));
        } catch (BenchException e) {
            // git is not installed: the commit is unknown, and the session goes on
            return Optional.empty();
        }
    }
}
