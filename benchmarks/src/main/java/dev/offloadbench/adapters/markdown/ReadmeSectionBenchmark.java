package dev.offloadbench.adapters.markdown;

import dev.offloadbench.benchmarks.ReportBenchmark;
import dev.offloadbench.benchmarks.SampleReadme;
import dev.offloadbench.domain.profile.ProjectHeadings;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finding and replacing the Benchmarks section of a README full of fenced code blocks (some
 * holding {@code ## Benchmarks} lines that are no heading), as {@code update-readme} does, at
 * three sizes ({@code size}: 200 KB, 5 MB, 50 MB): the outline of its bytes
 * ({@link MarkdownOutline}, {@link ReadmeSection}) and the whole update through
 * {@link MarkdownReadmeStore} on a real file in a temporary folder (read once, outline once, the
 * section merged and encoded, update lock, atomic write with fsync, compare before rename, read
 * back). Goal: 50 MB in at most 0.5 s, linear in the size (the 50 MB score about ten times the
 * 5 MB one); the write is bounded by the disk's fsync, not by us.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ReadmeSectionBenchmark {
    @Param({"200000", "5000000", "50000000"})
    public int size;

    private Path folder;
    private Path readme;
    private MarkdownText text;
    private String published;
    /** The published section measured on another machine, so that every replacement really changes the file. */
    private String republished;
    private boolean publishedOnDisk = true;
    private final MarkdownReadmeStore store = new MarkdownReadmeStore();

    @Setup
    public void setUp() throws IOException {
        published = ReportBenchmark.publishedSection();
        republished = published.replace("MacBook Pro", "MacBook Air");
        byte[] bytes = SampleReadme.text(published, size).getBytes(StandardCharsets.UTF_8);
        text = MarkdownText.ofBytes(bytes, 0, bytes.length, true);
        folder = Files.createTempDirectory("offload-bench-readme-");
        readme = folder.resolve("README.md");
        Files.write(readme, bytes);
        if (MarkdownOutline.of(text).benchmarksHeadings().size() != 1
                || !store.currentSection(readme).equals(MarkdownLines.normalise(published.strip()))) {
            throw new IllegalStateException("the sample README does not hold exactly the published section");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The outline of the whole file, from its bytes: every line, every fence, every heading. */
    @Benchmark
    public ReadmeSection outlineAndLocate() {
        return ReadmeSection.locate(MarkdownOutline.of(text), readme);
    }

    /** {@code update-readme --dry-run}: read the file, plan the edit, and diff it. */
    @Benchmark
    public String preview() {
        return store.previewSectionReplacement(readme, current -> section(republished)).diff();
    }

    /** {@code update-readme}: the whole edit on disk, alternating two sections so that every call writes. */
    @Benchmark
    public Object replaceOnDisk() {
        String next = publishedOnDisk ? republished : published;
        publishedOnDisk = !publishedOnDisk;
        return store.replaceSection(readme, current -> section(next), new ReadmeStore.WriteRules(false, () -> { }));
    }

    /** The section as the application hands it over: it reports both built-in projects. */
    private static ReadmeStore.NewSection section(String markdown) {
        return new ReadmeStore.NewSection(markdown, ProjectHeadings.of(new BuiltInProfiles().profiles()),
                Set.of("mng", "sculptor"));
    }
}
