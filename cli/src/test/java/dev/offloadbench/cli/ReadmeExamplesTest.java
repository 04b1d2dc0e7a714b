package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "publish recorded numbers" example, run as written against a copy of the
 * checkout's {@code examples/published}: it must show the change and leave the files it names as
 * they are (no modified README, no {@code docs/} folder), since a new user runs it in the checkout.
 */
class ReadmeExamplesTest {
    /** Maven runs the tests in the cli module's folder. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Pattern EXAMPLE = Pattern.compile("`\\./bench (update-readme --results examples/published/[^`]*)`");

    @TempDir
    Path dir;

    @Test
    void thePublishExampleShowsTheChangeAndWritesNothing() throws IOException, InterruptedException {
        Matcher example = EXAMPLE.matcher(Files.readString(REPOSITORY.resolve("README.md")));
        assertThat(example.find()).as("the README shows the example").isTrue();
        List<String> args = List.of(example.group(1).split("\\s+"));
        copy(REPOSITORY.resolve("examples/published"), dir.resolve("examples/published"));
        Map<String, byte[]> before = contents(dir);

        // in a process of its own, working in the copy: the example's paths are relative to the checkout
        BenchProcess bench = BenchProcess.start(Fixtures.sessionEnvironment(dir), dir, List.of(),
                args.toArray(String[]::new));

        assertThat(bench.waitFor(Duration.ofMinutes(2))).as(bench.output()).isZero();
        assertThat(bench.output()).as("the change is shown, as a diff").contains("+++ b/README.md").contains("+### ");
        Map<String, byte[]> after = contents(dir);
        assertThat(after.keySet()).as("no file created (docs/ included)").isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Every file under {@code root} (the state folder aside) with its bytes. */
    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root.resolve("examples"))) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            contents.put(root.relativize(file).toString(), Files.readAllBytes(file));
        }
        return contents;
    }
}
