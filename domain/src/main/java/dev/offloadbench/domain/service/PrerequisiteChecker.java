package dev.offloadbench.domain.service;

import dev.offloadbench.domain.check.CheckResult;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ModalCredentials;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.port.out.ToolLocator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks what the procedure needs before anything runs, and says how to fix what is missing. */
public final class PrerequisiteChecker implements CheckPrerequisites {
    /** How to get the offload binary. */
    public static final String OFFLOAD_INSTALL = "cargo install offload";

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration TOKEN_INFO_TIMEOUT = Duration.ofSeconds(60);

    private final BenchConfig config;
    private final ToolLocator tools;
    private final ModalCredentials modal;
    private final CommandRunner commands;
    private final MachineProbe machine;
    private final ProjectFolders folders;

    public PrerequisiteChecker(BenchConfig config, ToolLocator tools, ModalCredentials modal, CommandRunner commands,
            MachineProbe machine, ProjectFolders folders) {
        this.config = config;
        this.tools = tools;
        this.modal = modal;
        this.commands = commands;
        this.machine = machine;
        this.folders = folders;
    }

    @Override
    public List<CheckResult> check(Options options) {
        List<CheckResult> results = new ArrayList<>();
        results.add(tool("offload", OFFLOAD_INSTALL + ", or `just install` in the Offload repository ("
                + config.offloadRepo() + ")").about(CheckResult.Scope.OFFLOAD_BINARY));
        results.add(modalCredentials(options.online()).about(CheckResult.Scope.MODAL));
        results.add(tool("just", "npm install -g rust-just (or your package manager's `just`)"));
        for (ProjectConfig project : config.projects()) {
            results.add(project(project).about(CheckResult.Scope.project(project.profile())));
        }
        results.add(offloadInstall(options.install()).forOffload());
        results.add(load());
        return results;
    }

    private CheckResult tool(String name, String remedy) {
        return tools.find(name, List.of("--version"))
                .map(tool -> {
                    CheckResult found = CheckResult.ok(name, tool.version() + " (" + tool.path() + tool.standsInFor()
                            .map(wrapper -> ": the native binary behind " + wrapper + ", a Node wrapper that costs"
                                    + " about half a second a call; bench runs it directly, the timed runs too")
                            .orElse("") + ")");
                    return tool.versionKnown() ? found.withVersion(tool.version()) : found;
                })
                .orElseGet(() -> CheckResult.fail(name, "`" + name + "` is not on the PATH", remedy));
    }

    private CheckResult modalCredentials(boolean online) {
        String name = "Modal credentials";
        ModalCredentials.Status status = modal.status();
        if (!status.present()) {
            return CheckResult.fail(name, status.where(), "modal token new (only Offload runs on the Modal provider"
                    + " need them)");
        }
        if (!online) {
            return CheckResult.ok(name, "found in " + status.where() + "; whether the token has expired cannot be"
                    + " checked offline (bench check --online asks Modal)");
        }
        Optional<ToolLocator.Tool> cli = tools.find("modal", List.of("--version"));
        if (cli.isEmpty()) {
            return CheckResult.warn(name, "found in " + status.where() + ", but the `modal` command is not installed"
                    + " to check the token online", "pip install modal, then bench check --online");
        }
        CommandRunner.Completed info = commands.run(List.of(cli.get().path().toString(), "token", "info"),
                Path.of("."), Map.of(), TOKEN_INFO_TIMEOUT);
        if (info.succeeded()) {
            return CheckResult.ok(name, "found in " + status.where() + " and accepted by Modal (modal token info)");
        }
        return CheckResult.fail(name, "found in " + status.where() + ", but `modal token info` "
                + (info.timedOut() ? "timed out" : "failed: " + lastLine(info.output())), "modal token new");
    }

    private CheckResult project(ProjectConfig project) {
        String name = "project " + project.profile();
        Path path = project.path();
        String where = "[projects." + project.profile() + "] in " + config.describeSource();
        ProjectFolders.State state = folders.state(path);
        if (state != ProjectFolders.State.FOLDER) {
            return CheckResult.fail(name, path + (state.exists() ? " is not a folder" : " does not exist"),
                    "check the project out there, or set its path under " + where);
        }
        if (!hasJustfile(path)) {
            return CheckResult.fail(name, path + " has no justfile", "point " + where + " at the project's root");
        }
        return CheckResult.ok(name, path + " (justfile present)");
    }

    private CheckResult offloadInstall(boolean install) {
        String name = "Offload repository";
        Path repo = config.offloadRepo();
        if (folders.state(repo) != ProjectFolders.State.FOLDER) {
            String remedy = "clone the Offload repository there, or set offload_repo in " + config.describeSource();
            // Without --install the repository is only where `just install` would run: its absence is no failure.
            return install ? CheckResult.fail(name, repo + " does not exist", remedy)
                    : CheckResult.warn(name, repo + " does not exist, so its `just install` cannot keep offload"
                            + " up to date", remedy);
        }
        if (!install) {
            return CheckResult.skipped(name, repo + " is present; its `just install` was not run",
                    "bench check --install runs it, so the offload binary is up to date");
        }
        CommandRunner.Completed completed;
        try {
            completed = commands.run(List.of("just", "install"), repo, Map.of(), INSTALL_TIMEOUT);
        } catch (BenchException e) {
            return CheckResult.fail(name, "`just install` could not start: " + e.getMessage(),
                    "install just (npm install -g rust-just)");
        }
        if (completed.succeeded()) {
            return CheckResult.ok(name, "`just install` succeeded in " + repo);
        }
        return CheckResult.fail(name, "`just install` in " + repo + (completed.timedOut() ? " timed out" :
                " exited " + completed.exitCode() + ": " + lastLine(completed.output())),
                "run `just install` there and fix what it reports");
    }

    private CheckResult load() {
        String name = "machine load";
        MachineProbe.Load load = machine.load();
        String detail = String.format(java.util.Locale.ROOT, "load average %.2f on %d cores", load.oneMinute(),
                load.cores());
        if (!load.isHigh()) {
            return CheckResult.ok(name, detail);
        }
        String busiest = load.busiest().stream()
                .map(p -> String.format(java.util.Locale.ROOT, "%s (pid %d, %.0f%% CPU)", p.command(), p.pid(),
                        p.cpuPercent()))
                .collect(Collectors.joining(", "));
        return CheckResult.warn(name, detail + (busiest.isEmpty() ? "" : "; busiest: " + busiest),
                "close heavy programs (browsers, IDEs, Docker containers) before benchmarking");
    }

    private boolean hasJustfile(Path directory) {
        for (String name : List.of("justfile", "Justfile", ".justfile", "JUSTFILE")) {
            if (folders.state(directory.resolve(name)) == ProjectFolders.State.FILE) {
                return true;
            }
        }
        return false;
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
