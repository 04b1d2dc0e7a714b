package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench completion bash|zsh}: a script that bash really completes with. */
class CompletionScriptTest {
    @TempDir
    Path dir;

    private Result bench(String... args) {
        return new BenchRunner(Map.of("HOME", dir.toString()), dir).run(args);
    }

    /** What bash completes for the words typed so far (the last one being completed). */
    private String complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String program = "source " + script + " 2>/dev/null\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_bench bench \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n"
                + "echo \"${COMPREPLY[*]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes()).strip();
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void bashCompletesCommandsOptionsKindsAndTheFixedWords() throws Exception {
        Result result = bench("completion", "bash");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path script = Files.writeString(dir.resolve("bench.bash"), result.out());

        assertThat(complete(script, "bench", "ru")).isEqualTo("run");
        assertThat(complete(script, "bench", "pro")).isEqualTo("profiles");
        assertThat(complete(script, "bench", "run", "")).isEqualTo("all");
        assertThat(complete(script, "bench", "run", "--kinds", "")).isEqualTo("baseline high offload");
        assertThat(complete(script, "bench", "run", "--res")).isEqualTo("--resume");
        assertThat(complete(script, "bench", "results", "")).isEqualTo("latest");
        assertThat(complete(script, "bench", "render", "--session", "")).isEqualTo("latest");
        assertThat(complete(script, "bench", "completion", "")).isEqualTo("bash zsh");
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashcompinitItself() {
        Result zsh = bench("completion", "zsh");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).isEqualTo(bench("completion", "bash").out())
                .contains("ZSH_VERSION").contains("bashcompinit");
    }

    @Test
    void anotherShellIsAnError() {
        Result fish = bench("completion", "fish");

        assertThat(fish.exitCode()).isEqualTo(2);
        assertThat(fish.err()).startsWith("error: no completion script for \"fish\": give bash or zsh");
    }
}
