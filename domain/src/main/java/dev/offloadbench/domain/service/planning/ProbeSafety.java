package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a probe can run a recipe without testing anything, as far as reading its command lines
 * ({@code just --dry-run}, dependencies included) shows. A probe replaces {@code offload} with a
 * stand-in first on the {@code PATH}, and makes pytest load a plugin through
 * {@code PYTEST_PLUGINS} and {@code PYTHONPATH} that stops it before collection. A recipe that
 * starts offload by a path or through {@code cargo run}, puts another folder before the stand-in's,
 * or keeps the plugin out of pytest would run the real thing: the real Offload (every test, on
 * Modal), or every test with pytest. Such a run is not probed: it is planned by reading, saying why.
 */
final class ProbeSafety {
    private static final Set<String> PLUGIN_VARIABLES = Set.of("PYTEST_PLUGINS", "PYTHONPATH");
    /** Launchers that put an environment's own programs first on the PATH (or fetch the program). */
    private static final Set<String> OWN_PATH_LAUNCHERS = Set.of("uv", "uvx", "poetry", "pdm", "hatch", "pipenv",
            "rye", "tox", "nox", "npx", "nix-shell", "conda", "mamba", "pixi");

    private ProbeSafety() {
    }

    /** Why probing this Offload recipe could start the real Offload; empty when the stand-in replaces it. */
    static Optional<String> offload(List<String> lines) {
        List<CommandLines.Invocation> offloads = CommandLines.findAll(lines, CommandLines::isOffload);
        for (CommandLines.Invocation invocation : offloads) {
            String program = invocation.program().text();
            if (program.contains("/")) {
                return Optional.of("it starts offload by its path (`" + program + "`), which the probe's stand-in on"
                        + " the PATH cannot replace: probing would run the real Offload, and every test with it");
            }
        }
        for (String line : lines) {
            for (List<Word> command : CommandLines.commands(line)) {
                Optional<String> launcher = launcherWithItsOwnPath(command);
                if (launcher.isPresent()) {
                    return Optional.of("it starts offload through `" + launcher.get() + "`, which puts its own"
                            + " environment's programs before the probe's stand-in on the PATH: probing could run"
                            + " the real Offload, and every test with it");
                }
                if (isCargoRun(command)) {
                    return Optional.of("it builds and starts a program with `cargo run` (`" + line.strip()
                            + "`), which the probe's stand-in on the PATH cannot replace: probing would run the real"
                            + " Offload, and every test with it");
                }
                Optional<String> path = assignment(command, "PATH").filter(value -> !keepsInheritedFirst(value, "PATH"));
                if (path.isPresent()) {
                    return Optional.of("it sets PATH (`PATH=" + path.get() + "`), which may put another offload"
                            + " before the probe's stand-in: probing could run the real Offload, and every test with"
                            + " it");
                }
            }
        }
        if (offloads.isEmpty()) {
            return Optional.of("reading its command lines shows no `offload` started by its name (a script or a"
                    + " variable may start it), so the probe's stand-in on the PATH may not replace it: probing"
                    + " could run the real Offload, and every test with it");
        }
        return Optional.empty();
    }

    /** Why probing this pytest recipe could run the tests; empty when the probe's plugin reaches pytest. */
    static Optional<String> pytest(List<String> lines) {
        for (String line : lines) {
            if (line.contains("no:" + RunProbe.PYTEST_PLUGIN)) {
                return Optional.of("it blocks the probe's pytest plugin (`-p no:" + RunProbe.PYTEST_PLUGIN + "`):"
                        + " pytest would run every test");
            }
            for (List<Word> command : CommandLines.commands(line)) {
                Optional<String> why = keepsPluginOut(command);
                if (why.isPresent()) {
                    return Optional.of(why.get() + " (`" + line.strip() + "`), which keeps the probe's pytest plugin"
                            + " (loaded through PYTEST_PLUGINS and PYTHONPATH) out of pytest: pytest would run every"
                            + " test, or fail without saying how many workers it starts");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> keepsPluginOut(List<Word> command) {
        for (String variable : PLUGIN_VARIABLES) {
            Optional<String> value = assignment(command, variable).filter(v -> !keepsInherited(v, variable));
            if (value.isPresent()) {
                return Optional.of("it replaces " + variable);
            }
        }
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i).text();
            String program = CommandLines.basename(word);
            if (program.equals("unset")) {
                for (Word name : command.subList(i + 1, command.size())) {
                    if (PLUGIN_VARIABLES.contains(name.text())) {
                        return Optional.of("it unsets " + name.text());
                    }
                }
            }
            if (program.equals("env")) {
                for (int j = i + 1; j < command.size(); j++) {
                    String option = command.get(j).text();
                    if (option.equals("-i") || option.equals("--ignore-environment") || option.equals("-")) {
                        return Optional.of("it clears the environment (`env " + option + "`)");
                    }
                    String unset = option.equals("-u") || option.equals("--unset")
                            ? j + 1 < command.size() ? command.get(j + 1).text() : ""
                            : option.startsWith("--unset=") ? option.substring(8)
                            : option.startsWith("-u") ? option.substring(2) : "";
                    if (PLUGIN_VARIABLES.contains(unset)) {
                        return Optional.of("it unsets " + unset + " (`env -u " + unset + "`)");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code NAME=value}, {@code export NAME=value}, {@code env NAME=value} in this command. */
    private static Optional<String> assignment(List<Word> command, String name) {
        for (Word word : command) {
            if (word.text().startsWith(name + "=")) {
                return Optional.of(word.text().substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** {@code $PATH:/more}, {@code ${PATH}:/more}: the inherited value, the stand-in's folder first, stays first. */
    private static boolean keepsInheritedFirst(String value, String name) {
        return Pattern.compile("\\$\\{?" + name + "(?![A-Za-z0-9_])").matcher(value).lookingAt();
    }

    /** {@code src:$PYTHONPATH}, {@code src${PYTHONPATH:+:$PYTHONPATH}}: the inherited value is kept. */
    private static boolean keepsInherited(String value, String name) {
        return Pattern.compile("\\$\\{?" + name + "(?![A-Za-z0-9_])").matcher(value).find();
    }

    /** {@code uv run offload}, {@code poetry run offload}: the launcher, when offload comes after one that sets PATH. */
    private static Optional<String> launcherWithItsOwnPath(List<Word> command) {
        for (int i = 0; i < command.size(); i++) {
            if (CommandLines.basename(command.get(i).text()).equals("offload")) {
                for (Word before : command.subList(0, i)) {
                    String program = CommandLines.basename(before.text());
                    if (OWN_PATH_LAUNCHERS.contains(program)) {
                        return Optional.of(program);
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isCargoRun(List<Word> command) {
        for (int i = 0; i + 1 < command.size(); i++) {
            if (CommandLines.basename(command.get(i).text()).equals("cargo")) {
                for (Word next : command.subList(i + 1, command.size())) {
                    if (next.text().equals("run")) {
                        return true;
                    }
                    if (!next.text().startsWith("-") && !next.text().startsWith("+")) {
                        break;
                    }
                }
            }
        }
        return false;
    }
}
