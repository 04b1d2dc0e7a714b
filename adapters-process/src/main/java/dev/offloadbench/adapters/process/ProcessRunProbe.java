package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeRequest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.Markers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Probes a planned run: runs its exact command (the just recipe, dependencies included) in its
 * folder with its environment, the way the timed run will, with two additions that let nothing be
 * tested and record what would run:
 * <ul>
 * <li>a pytest plugin ({@code offload_bench_probe.py}, shipped as a resource and written to a
 * folder of the probe's own) that pytest loads through {@code PYTEST_PLUGINS} and
 * {@code PYTHONPATH}, however the recipe starts pytest ({@code uv run}, {@code python -m pytest},
 * an absolute interpreter, a wrapper). Once every source of configuration has been read and every
 * {@code pytest_configure} hook has run, and before xdist starts a worker, it records the workers
 * xdist will start, pytest's rootdir, configuration file, folder and arguments, then ends pytest
 * before collection;</li>
 * <li>a recording stand-in for {@code offload}, first on the {@code PATH}, that keeps its
 * arguments and folder and exits 0.</li>
 * </ul>
 * Both write to files in the probe's folder, never to the command's output, which is only kept
 * (its last lines) to say why a probe failed. The command runs through the {@link RunExecutor}, so
 * a probe is contained like a run: it carries the request's marker, and its time limit, a
 * cancellation or its end ends it with every process it started; what it left running is named in
 * the result. The probe's folder ({@code offload-bench-probe-<bench pid>-<marker>}) is deleted
 * afterwards; one whose bench has died (kill -9 while probing) is deleted by the next probe.
 */
public final class ProcessRunProbe implements RunProbe {
    static final String PLUGIN_MODULE = RunProbe.PYTEST_PLUGIN;
    static final String FOLDER_PREFIX = "offload-bench-probe-";
    static final String RECORD_VARIABLE = "OFFLOAD_BENCH_PROBE_RECORD";
    static final String OFFLOAD_DIR_VARIABLE = "OFFLOAD_BENCH_PROBE_OFFLOAD_DIR";
    private static final String RESOURCES = "probe/";
    private static final int TAIL_LINES = 40;
    private static final int MAX_LINE_CHARS = 2_000;
    /** Folders of probes running in this JVM now: never stale. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private final RunExecutor executor;
    private final Map<String, String> baseEnvironment;
    private final Path temporaryRoot;

    /**
     * @param executor runs the probed command, contained
     * @param baseEnvironment what the command inherits (the same as the executor's), to extend
     *     {@code PATH}, {@code PYTHONPATH} and {@code PYTEST_PLUGINS} rather than replace them
     */
    public ProcessRunProbe(RunExecutor executor, Map<String, String> baseEnvironment) {
        this(executor, baseEnvironment, Path.of(System.getProperty("java.io.tmpdir")));
    }

    ProcessRunProbe(RunExecutor executor, Map<String, String> baseEnvironment, Path temporaryRoot) {
        this.executor = executor;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        this.temporaryRoot = temporaryRoot;
    }

    @Override
    public ProbeResult probe(ProbeRequest request, Cancellation cancellation) {
        removeAbandonedFolders();
        Path folder = temporaryRoot.resolve(FOLDER_PREFIX + ProcessHandle.current().pid() + "-" + request.marker());
        IN_PROGRESS.add(folder);
        try {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (IOException | UnsupportedOperationException e) {
                return ProbeResult.failed(ProbeResult.Outcome.FAILED, "cannot create the probe's folder " + folder
                        + ": " + e.getMessage(), -1, Duration.ZERO, List.of());
            }
            return probeIn(folder, request, cancellation);
        } finally {
            deleteTree(folder);
            IN_PROGRESS.remove(folder);
        }
    }

    /** Deletes the folders of the probes with these markers (their bench died while they ran; they have ended). */
    @Override
    public void discardLeftovers(Collection<String> markers) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporaryRoot, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                if (!IN_PROGRESS.contains(folder) && marker(folder).filter(markers::contains).isPresent()
                        && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: the next probe removes what is left, once its bench is known to be gone
        }
    }

    /** {@code offload-bench-probe-<pid>-<marker>}: the marker, when the folder is named so. */
    private static Optional<String> marker(Path folder) {
        String rest = folder.getFileName().toString().substring(FOLDER_PREFIX.length());
        int dash = rest.indexOf('-');
        return dash > 0 && Markers.isMarker(rest.substring(dash + 1)) ? Optional.of(rest.substring(dash + 1))
                : Optional.empty();
    }

    /**
     * Deletes the folders of probes whose bench has ended (killed while it probed, its folder
     * left behind), or that this process made and no longer uses; a live bench's are left alone.
     */
    private void removeAbandonedFolders() {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporaryRoot, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                if (!IN_PROGRESS.contains(folder) && abandoned(folder)) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: the probe itself decides whether the folder is usable
        }
    }

    private static boolean abandoned(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false; // not something a probe made: leave it alone
        }
        String rest = folder.getFileName().toString().substring(FOLDER_PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash < 0 || !Markers.isMarker(rest.substring(dash + 1))) {
            return false; // not named as this bench names them (an older bench's, perhaps still in use): left alone
        }
        long pid;
        try {
            pid = Long.parseLong(rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return true;
        }
        return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    private ProbeResult probeIn(Path folder, ProbeRequest request, Cancellation cancellation) {
        Path records = folder.resolve("pytest.jsonl");
        Path offloadRecords = folder.resolve("offload");
        Path bin = folder.resolve("bin");
        try {
            Files.createDirectories(offloadRecords);
            Files.createDirectories(bin);
            copyResource(PLUGIN_MODULE + ".py", folder.resolve(PLUGIN_MODULE + ".py"), false);
            copyResource("offload-recording-stand-in.sh", bin.resolve("offload"), true);
        } catch (IOException | UncheckedIOException e) {
            return ProbeResult.failed(ProbeResult.Outcome.FAILED, "cannot prepare the probe in " + folder + ": "
                    + e.getMessage(), -1, Duration.ZERO, List.of());
        }
        Map<String, String> environment = new HashMap<>(request.environment());
        environment.put("PATH", prepend(bin.toString(), inherited(request, "PATH")));
        environment.put("PYTHONPATH", prepend(folder.toString(), inherited(request, "PYTHONPATH")));
        String plugins = inherited(request, "PYTEST_PLUGINS");
        environment.put("PYTEST_PLUGINS", plugins.isBlank() ? PLUGIN_MODULE : PLUGIN_MODULE + "," + plugins);
        environment.put(RECORD_VARIABLE, records.toString());
        environment.put(OFFLOAD_DIR_VARIABLE, offloadRecords.toString());

        Path log = folder.resolve("output.log");
        Execution execution;
        try {
            execution = executor.execute(new ExecutionRequest(request.command(), environment, request.directory(),
                    log, Optional.of(request.timeout()), request.marker(), Optional.empty()),
                    new RunExecutor.OutputListener() { }, cancellation);
        } catch (BenchException e) {
            return ProbeResult.failed(ProbeResult.Outcome.FAILED, e.getMessage(), -1, Duration.ZERO, List.of());
        }
        List<String> lastLines = LogTail.lastLines(log, TAIL_LINES, MAX_LINE_CHARS);
        return result(execution, request, records, offloadRecords, lastLines).withLeftovers(execution.leftovers());
    }

    private static ProbeResult result(Execution execution, ProbeRequest request, Path records, Path offloadRecords,
            List<String> lastLines) {
        switch (execution.termination()) {
            case CANCELLED -> {
                return ProbeResult.failed(ProbeResult.Outcome.CANCELLED, "interrupted", -1, execution.elapsed(),
                        lastLines);
            }
            case TIMED_OUT -> {
                return ProbeResult.failed(ProbeResult.Outcome.TIMED_OUT, "the command (its recipe's dependencies"
                        + " included) did not finish within the probe's limit of " + describe(request.timeout())
                        + " and was ended with everything it started", -1, execution.elapsed(), lastLines);
            }
            default -> {
                // the command ran to its end
            }
        }
        List<ObservedPytest> pytest;
        List<ObservedOffload> offload;
        try {
            pytest = ProbeRecords.pytest(records);
            offload = ProbeRecords.offload(offloadRecords);
        } catch (IOException | ProbeRecords.Malformed e) {
            return ProbeResult.failed(ProbeResult.Outcome.FAILED, "the probe's records could not be read ("
                    + e.getMessage() + ")", execution.exitCode(), execution.elapsed(), lastLines);
        }
        return new ProbeResult(ProbeResult.Outcome.OBSERVED, pytest, offload, execution.exitCode(),
                execution.elapsed(), "", lastLines, List.of());
    }

    private String inherited(ProbeRequest request, String name) {
        String value = request.environment().get(name);
        return value != null ? value : baseEnvironment.getOrDefault(name, "");
    }

    private static String prepend(String first, String rest) {
        return rest.isEmpty() ? first : first + java.io.File.pathSeparator + rest;
    }

    private static void copyResource(String name, Path target, boolean executable) throws IOException {
        try (InputStream in = ProcessRunProbe.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the probe's resource " + name + " is missing from offload-bench's jar");
            }
            Files.write(target, in.readAllBytes());
        }
        if (executable) {
            try {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                if (!target.toFile().setExecutable(true, true)) {
                    throw new IOException("cannot make " + target + " executable");
                }
            }
        }
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : duration.toMillis() / 1000.0 + " s";
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the probe's result stands
        }
    }

    /** Reading what the plugin and the stand-in wrote. */
    static final class ProbeRecords {
        private ProbeRecords() {
        }

        static final class Malformed extends Exception {
            private static final long serialVersionUID = 1L;

            Malformed(String message) {
                super(message);
            }
        }

        static List<ObservedPytest> pytest(Path records) throws IOException, Malformed {
            List<ObservedPytest> seen = new ArrayList<>();
            if (!Files.exists(records)) {
                return seen;
            }
            for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Object parsed = JsonTree.parse(line);
                if (!(parsed instanceof Map<?, ?> record)) {
                    throw new Malformed("a pytest record is not a JSON object: " + line);
                }
                seen.add(new ObservedPytest(integer(record, "workers").orElseThrow(() -> new Malformed(
                        "a pytest record has no worker count: " + line)),
                        text(record, "numprocesses"), integer(record, "maxprocesses"), integer(record, "fromOptions"),
                        Boolean.TRUE.equals(record.get("xdist")),
                        Path.of(text(record, "rootdir").orElse(".")), text(record, "inifile").map(Path::of),
                        Path.of(text(record, "invocationDir").orElse(".")), strings(record, "args"),
                        text(record, "python").orElse(""), new ObservedPytest.Versions(text(record, "pythonVersion"),
                                text(record, "pytest"), text(record, "xdistVersion"))));
            }
            return seen;
        }

        static List<ObservedOffload> offload(Path folder) throws IOException, Malformed {
            List<ObservedOffload> seen = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".part")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    List<String> fields = new ArrayList<>(List.of(text.split("\0", -1)));
                    if (fields.isEmpty() || !text.endsWith("\0")) {
                        throw new Malformed("an offload record is cut short: " + file.getFileName());
                    }
                    fields.remove(fields.size() - 1);
                    seen.add(new ObservedOffload(Path.of(fields.get(0)), fields.subList(1, fields.size())));
                }
            }
            return seen;
        }

        private static Optional<String> text(Map<?, ?> record, String name) {
            Object value = record.get(name);
            return value == null ? Optional.empty() : Optional.of(value.toString());
        }

        private static OptionalInt integer(Map<?, ?> record, String name) {
            Object value = record.get(name);
            return value instanceof Number number ? OptionalInt.of(number.intValue()) : OptionalInt.empty();
        }

        private static List<String> strings(Map<?, ?> record, String name) {
            Object value = record.get(name);
            List<String> strings = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(element -> strings.add(String.valueOf(element)));
            }
            return strings;
        }
    }
}
