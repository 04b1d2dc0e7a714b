package dev.offloadbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.session.Attempt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** --show-output: the run's output echoed block by block, as printed. */
class ConsoleProgressTest {
    private final StringWriter text = new StringWriter();

    private static Attempt attempt() {
        return new Attempt(false, Instant.EPOCH, Instant.EPOCH, new BigDecimal("1.000"), 0, Termination.EXITED,
                TestTally.NOTHING, Path.of("/log"), Validity.VALID, List.of());
    }

    @Test
    void echoesBlocksAsPrintedJoiningACharacterCutBetweenTwoBlocks() {
        byte[] output = "ünïcode ✓ line\nno line break".getBytes(StandardCharsets.UTF_8);
        try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false, true)) {
            assertThat(progress.echoesOutput()).isTrue();
            progress.attemptStarted("mng", RunKind.BASELINE, List.of("just", "t"), false, 1, 1, Optional.empty());
            // cut inside "ü" (2 bytes) and inside "✓" (3 bytes)
            progress.output(output, 0, 1);
            progress.output(output, 1, 11);
            progress.output(output, 12, output.length - 12);
            progress.attemptFinished("mng", RunKind.BASELINE, attempt());
        }

        assertThat(text.toString()).contains("ünïcode ✓ line\nno line break\n[mng baseline] 1.000 s");
    }

    @Test
    void withoutShowOutputNothingIsEchoed() {
        try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false, false)) {
            assertThat(progress.echoesOutput()).isFalse();
            progress.output("secret output\n".getBytes(StandardCharsets.UTF_8), 0, 14);
        }

        assertThat(text.toString()).doesNotContain("secret output");
    }
}
