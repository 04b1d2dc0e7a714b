package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.command.BenchCommand;
import dev.offloadbench.cli.command.Completions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The shell completes {@code compare}'s sessions and {@code history}'s profiles from what this machine knows. */
class CompareHistoryCompletionTest {
    private final Completions known = new Completions() {
        @Override
        public List<String> profileIds() {
            return List.of("mng", "sculptor");
        }

        @Override
        public List<String> sessionIds() {
            return List.of("20260101-120000", "20260108-120000");
        }

        @Override
        public List<String> recordedProfileIds() {
            return List.of("mng", "mngr"); // mngr was benchmarked once, and is no longer configured
        }
    };

    /** The values (not options) Tab offers after {@code words}, the last one being typed. */
    private List<String> values(String... words) {
        return complete(words).stream().filter(word -> !word.startsWith("-")).toList();
    }

    /** What Tab offers after {@code words}, the last one being typed. */
    private List<String> complete(String... words) {
        CommandLine tree = new CommandLine(BenchCommand.class, new CommandFactory(true, known));
        List<CharSequence> candidates = new ArrayList<>();
        String last = words[words.length - 1];
        AutoComplete.complete(tree.getCommandSpec(), words, words.length - 1, last.length(), 0, candidates);
        return candidates.stream().map(suffix -> last + suffix).toList();
    }

    @Test
    void compareCompletesLatestAndTheRecordedSessionsNewestFirst() {
        assertThat(values("compare", "")).containsExactlyInAnyOrder("latest", "20260108-120000", "20260101-120000");
        assertThat(values("compare", "2026010")).containsExactlyInAnyOrder("20260108-120000", "20260101-120000");
        assertThat(values("compare", "20260101-120000", "2026010")).contains("20260108-120000");
        assertThat(complete("compare", "--fail-on-")).containsExactlyInAnyOrder("--fail-on-regression",
                "--fail-on-slower");
    }

    @Test
    void historyCompletesAllTheConfiguredProfilesAndThoseSessionsRecorded() {
        assertThat(values("history", "")).containsExactlyInAnyOrder("all", "mng", "sculptor", "mngr");
        assertThat(values("history", "sc")).containsExactly("sculptor");
        assertThat(values("history", "mngr")).containsExactly("mngr");
        assertThat(values("run", "")).as("run completes the configured profiles only")
                .containsExactlyInAnyOrder("all", "mng", "sculptor");
        assertThat(complete("history", "--ch")).containsExactly("--chart");
    }
}
