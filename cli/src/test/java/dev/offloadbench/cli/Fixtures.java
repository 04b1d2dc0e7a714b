package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Fixture projects (src/test/resources/fixtures), the tools they need, and reading JSON output. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Under CI a missing tool fails the test; elsewhere the test is skipped with the reason. */
    public static void requireTool(String tool) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            String message = "`" + tool + "` is not on the PATH; .ci/run installs it";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    /** Debian's pytest-xdist for /usr/bin/python3; under CI a missing one fails the test. */
    public static void requirePytestXdist() {
        boolean found;
        try {
            Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import xdist").redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            found = probe.waitFor() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        if (!found) {
            String message = "/usr/bin/python3 has no pytest-xdist; .ci/run installs python3-pytest-xdist";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    /** Live processes whose environment holds {@code E2E_MARKER=marker} (Linux /proc). */
    public static List<Long> processesMarked(String marker) {
        List<Long> marked = new ArrayList<>();
        byte[] needle = ("E2E_MARKER=" + marker).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    byte[] environ = Files.readAllBytes(proc.resolve("environ"));
                    if (indexOf(environ, needle) >= 0 && isRunning(Long.parseLong(proc.getFileName().toString()))) {
                        marked.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return marked;
    }

    /**
     * Whether a process still runs: a zombie (ended, waiting for a parent that never reaps it, as
     * orphans do where pid 1 does not) has ended.
     */
    public static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Ends what a killed bench left behind (kill -9 gives it no chance to). */
    public static void killProcessesMarked(String marker) {
        for (long pid : processesMarked(marker)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        BenchProcess.await("killed processes to end", java.time.Duration.ofSeconds(30),
                () -> processesMarked(marker).isEmpty());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A clean environment for an in-process run: the PATH, and a HOME of the test's own. */
    public static Map<String, String> environment(Path home) {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", home.toString());
    }

    /**
     * The environment of an in-process session in {@code dir}: PATH, HOME, the state folder
     * inside {@code dir}, and Modal credentials (test values: nothing reaches Modal). Mutable, so
     * a test can add to it.
     */
    public static Map<String, String> sessionEnvironment(Path dir) {
        Map<String, String> environment = new java.util.HashMap<>(environment(dir));
        environment.put("XDG_STATE_HOME", dir.resolve("state").toString());
        environment.put("MODAL_TOKEN_ID", "test-id");
        environment.put("MODAL_TOKEN_SECRET", "test-secret");
        return environment;
    }

    /** Copies fixture project {@code name} into {@code dir}. */
    public static Path copy(String name, Path dir) throws IOException {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        assertThat(url).as("fixture " + name).isNotNull();
        Path source;
        try {
            source = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                    if (Files.isExecutable(file)) {
                        copy.toFile().setExecutable(true);
                    }
                }
            }
        }
        return target;
    }

    public static Map<String, Object> readObject(JsonParser parser) throws IOException {
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
        return castObject(read(parser));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castObject(Object value) {
        return (Map<String, Object>) value;
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getIntValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    /** The value at a path such as {@code profiles[0].runs[1].env}. */
    public static Object at(Map<String, Object> document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            current = ((Map<?, ?>) current).get(name);
            int open = part.indexOf('[');
            while (open >= 0) {
                int close = part.indexOf(']', open);
                int index = Integer.parseInt(part.substring(open + 1, close));
                List<?> list = (List<?>) current;
                assertThat(list).as(path).hasSizeGreaterThan(index);
                current = list.get(index);
                open = part.indexOf('[', close);
            }
        }
        return current;
    }
}
