package dev.offloadbench.spi.examples.csv;

import dev.offloadbench.domain.spi.FinishedRun;
import dev.offloadbench.domain.spi.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A run listener: every finished execution of every session, warm-ups included, appended as one
 * line to a CSV file, a running log across sessions. The file is {@code $OFFLOAD_BENCH_RUNS_CSV},
 * by default {@code $XDG_STATE_HOME/offload-bench/runs.csv} ({@code ~/.local/state/...}); a new
 * file starts with a header line.
 */
public final class CsvRunLog implements RunListener {
    /** The environment variable naming the file. */
    public static final String FILE_VARIABLE = "OFFLOAD_BENCH_RUNS_CSV";
    static final List<String> HEADER = List.of("finished", "session", "project", "kind", "warmup", "number",
            "workers", "seconds", "valid", "reason");

    private final Path file;

    /** As ServiceLoader makes it: the file named by the environment. */
    public CsvRunLog() {
        this(fileFrom(System.getenv()));
    }

    CsvRunLog(Path file) {
        this.file = file;
    }

    static Path fileFrom(Map<String, String> environment) {
        String named = environment.get(FILE_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        // as bench's own state folder: an empty or relative HOME or XDG_STATE_HOME counts as unset
        String state = environment.get("XDG_STATE_HOME");
        String home = environment.get("HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(home != null && !home.isBlank() && Path.of(home).isAbsolute() ? home
                        : System.getProperty("user.home"), ".local", "state");
        return base.resolve("offload-bench").resolve("runs.csv");
    }

    @Override
    public void runFinished(FinishedRun run) {
        String line = Csv.line(List.of(run.finished().toString(), run.sessionId(), run.project(), run.kind().id(),
                Boolean.toString(run.warmup()), Integer.toString(run.number()),
                run.workers().isPresent() ? Integer.toString(run.workers().getAsInt()) : "",
                run.seconds().toPlainString(), Boolean.toString(run.valid()), run.reason()));
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            Files.writeString(file, fresh ? Csv.line(HEADER) + line : line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // offload-bench reports a listener that throws, and the session goes on
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
