package dev.offloadbench.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.cli.Fixtures;
import dev.offloadbench.cli.Main;
import dev.offloadbench.files.UpdateLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell as a person uses it: {@code bench shell} in a pseudo-terminal (made by Python's pty
 * module, test/resources/pty/drive.py), typed into key by key, Tab included.
 */
class BenchShellTerminalTest {
    @TempDir
    Path dir;

    /** A step: what to type, and what the terminal must show after it. */
    private record Step(String send, String expect, int timeoutSeconds) {
    }

    @Test
    void runsASessionCompletesProfilesAndSessionsRefusesANestedShellAndLeavesWithZero() throws Exception {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                offload_optional = true
                [projects.widget]
                path = "e2e-mng"
                title = "Widget"
                suite_label = "API Tests"
                notes = ["{{testCount}} API tests."]
                """);

        List<Step> steps = List.of(
                new Step("", "bench> ", 60),
                // a profile id completed from the configuration, then planned
                new Step("plan wid\t", "plan widget", 30),
                new Step("\r", "The plan is complete\\.(.|\\n)*bench> ", 60),
                new Step("run all\r", "Session (\\d{8}-\\d{6}): [^\\n]*session\\.json(.|\\n)*bench> ", 180),
                // the only recorded session's id, completed from its first digit
                new Step("results 2\t", "results 2\\d{7}-\\d{6}", 30),
                new Step("\r", "widget +high(.|\\n)*bench> ", 30),
                new Step("shell\r", "already in the bench shell(.|\\n)*bench> ", 30),
                new Step("exit\r", "", 5));
        Drive drive = drive(steps);

        assertThat(drive.exitCode()).as(drive.transcript()).isZero();
        String screen = drive.transcript();
        assertThat(screen).contains("plan widget").contains("You are already in the bench shell")
                .contains("widget   baseline  1 ").doesNotContain("error:");
        String session = screen.replaceAll("(?s).*Session (\\d{8}-\\d{6}): .*", "$1");
        assertThat(screen).contains("results " + session);
        assertThat(screen).as("no library log lines").doesNotContain("WARNING").doesNotContain("org.jline");
    }

    @Test
    void ctrlCStopsTheRunningCommandWhateverItIsAndTheShellGoesOn() throws Exception {
        String readmeText = "# Project\n\n## Benchmarks\n\nOld numbers.\n";
        Path readme = Files.writeString(dir.resolve("README.md"), readmeText);
        Files.writeString(dir.resolve("results.json"), """
                {"schema": 1, "machine": "Test machine",
                 "projects": [{"profile": "mng", "testCount": 10, "maxParallel": 20,
                   "runs": [{"kind": "baseline", "workers": 2, "seconds": 30.0, "valid": true}]}]}
                """);
        // a `modal` whose `token info` hangs and ignores SIGINT: only the shell stopping the command ends it
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path modal = Files.writeString(bin.resolve("modal"), """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "modal client version 1.0.0"; exit 0; fi
                trap '' INT
                echo "fake modal: asking Modal about the token" > /dev/tty
                exec sleep 300
                """);
        modal.toFile().setExecutable(true);
        extraPath = bin;

        List<Step> steps = List.of(
                new Step("", "bench> ", 60),
                new Step("update-readme --results results.json --readme README.md\r",
                        "waiting: another update of README.md is under way", 60),
                new Step("\u0003", "Interrupted: the update of README README.md was interrupted while it waited"
                        + "(.|\\n)*bench> ", 30),
                new Step("check --online\r", "fake modal: asking Modal about the token", 60),
                new Step("\u0003", "Interrupted: interrupted while waiting for(.|\\n)*bench> ", 30),
                new Step("sessions\r", "No session recorded yet(.|\\n)*bench> ", 60),
                new Step("exit\r", "", 5));
        Drive drive;
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), Duration.ofMinutes(5), () -> { })) {
            drive = drive(steps);
        }

        assertThat(drive.exitCode()).as(drive.transcript()).isZero();
        assertThat(drive.transcript()).doesNotContain("Updated the Benchmarks section");
        assertThat(readme).content().isEqualTo(readmeText);
        Path state = dir.resolve("state/offload-bench");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("history"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(state.resolve("history"))).contains("check --online");
    }

    @Test
    void linesPipedIntoTheShellRunWithoutALibraryLogLineAndItLeavesWithZero() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "shell");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Fixtures.sessionEnvironment(dir));
        Process shell = builder.start();
        try (var in = shell.getOutputStream()) {
            in.write("sessions\nrnu all\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(output).isZero();
        assertThat(output).contains("No session recorded yet").contains("error: unknown command 'rnu'")
                .doesNotContain("WARNING").doesNotContain("org.jline").doesNotContain("dumb terminal");
    }

    private record Drive(int exitCode, String transcript) {
    }

    /** A folder put first on the shell's PATH, when a test needs a stand-in command. */
    private Path extraPath;

    private Drive drive(List<Step> steps) throws IOException, InterruptedException {
        Path script = dir.resolve("drive.py");
        try (InputStream in = getClass().getResourceAsStream("/pty/drive.py")) {
            Files.write(script, in.readAllBytes());
        }
        Map<String, String> environment = new LinkedHashMap<>(Fixtures.sessionEnvironment(dir));
        environment.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        environment.put("TERM", "xterm");
        if (extraPath != null) {
            environment.put("PATH", extraPath + ":" + environment.get("PATH"));
        }
        environment.put("LANG", "C.UTF-8");
        Path transcript = dir.resolve("transcript.txt");
        Path spec = dir.resolve("spec.json");
        try (JsonGenerator json = new JsonFactory().createGenerator(Files.newBufferedWriter(spec))) {
            json.writeStartObject();
            json.writeArrayFieldStart("argv");
            json.writeString(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            json.writeString("-cp");
            json.writeString(System.getProperty("java.class.path"));
            json.writeString(Main.class.getName());
            json.writeString("shell");
            json.writeEndArray();
            json.writeObjectFieldStart("env");
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                json.writeStringField(variable.getKey(), variable.getValue());
            }
            json.writeEndObject();
            json.writeStringField("cwd", dir.toString());
            json.writeStringField("transcript", transcript.toString());
            json.writeArrayFieldStart("steps");
            for (Step step : steps) {
                json.writeStartObject();
                json.writeStringField("send", step.send());
                json.writeStringField("expect", step.expect());
                json.writeNumberField("timeout", step.timeoutSeconds());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), spec.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("drive.out").toFile()).start();
        python.getOutputStream().close();
        if (!python.waitFor(10, TimeUnit.MINUTES)) {
            python.destroyForcibly();
        }
        String shown = Files.exists(transcript) ? Files.readString(transcript, StandardCharsets.UTF_8) : "";
        // the screen without terminal control sequences and carriage returns
        String plain = shown.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[=>]", "").replace("\r", "")
                + Files.readString(dir.resolve("drive.out"));
        return new Drive(python.exitValue(), plain);
    }
}
