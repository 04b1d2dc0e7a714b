package dev.offloadbench.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.Bench;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell, typed into through a dumb terminal: same commands, one invocation per line. */
class BenchShellTest {
    @TempDir
    Path dir;

    private int exitCode;

    private String type(String input, String... shellArgs) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                screen)) {
            Map<String, String> environment = Map.of("HOME", dir.toString(), "XDG_STATE_HOME",
                    dir.resolve("state").toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin"));
            try (Bench bench = new Bench(environment, dir, terminal.writer(), terminal.writer())) {
                exitCode = bench.shell(terminal, shellArgs);
            }
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shellInsideTheShellSaysSoAndTheShellGoesOn() throws IOException {
        String screen = type("shell\nsessions\nexit\n");

        assertThat(screen).contains("You are already in the bench shell").contains("No session recorded yet")
                .doesNotContain("error");
    }

    @Test
    void leavingExitsZeroWhateverTheLastCommandExitedWith() throws IOException {
        String screen = type("render --results nowhere.json\n");

        assertThat(screen).contains("error: ");
        assertThat(exitCode).isZero();
        type("rnu all\nexit\n");
        assertThat(exitCode).isZero();
    }

    @Test
    void aMistypedCommandGetsOneErrorLineWithASuggestion() throws IOException {
        String screen = type("rnu all\nexit\n");

        assertThat(screen).contains("error: unknown command 'rnu'; did you mean run?").doesNotContain("Usage:");
    }

    @Test
    void runsEachLineAsACommandUntilExit() throws IOException {
        String screen = type("sessions\nrender --results nowhere.json\nexit\nsessions\n");

        assertThat(screen).contains("bench> ")
                .contains("No session recorded yet")
                .contains("error: results file nowhere.json does not exist");
        assertThat(screen.indexOf("No session recorded yet")).isEqualTo(screen.lastIndexOf("No session recorded yet"));
    }

    @Test
    void endOfInputLeavesTheShell() throws IOException {
        assertThat(type("sessions\n")).contains("No session recorded yet");
    }

    @Test
    void keepsTheHistoryInTheStateFolder() throws IOException {
        type("sessions\nexit\n");

        assertThat(Files.readString(dir.resolve("state/offload-bench/history"))).contains("sessions");
    }

    @Test
    void globalOptionsGivenWithTheShellApplyToEveryLine() throws IOException {
        Path config = dir.resolve("broken.toml");
        Files.writeString(config, "this is = = not toml\n");

        String screen = type("plan\nexit\n", "--config", config.toString(), "shell");

        assertThat(screen).contains("error: ").contains("broken.toml");
    }

    @Test
    void bareBenchOnATerminalIsTheShell() {
        assertThat(Bench.wantsShell(true)).isTrue();
        assertThat(Bench.wantsShell(false)).isFalse();
        assertThat(Bench.wantsShell(false, "--config", "x.toml", "shell")).isTrue();
        assertThat(Bench.wantsShell(true, "plan")).isFalse();
    }
}
