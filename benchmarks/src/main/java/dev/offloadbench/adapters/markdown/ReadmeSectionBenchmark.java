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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finding and replacing the Benchmarks section of a ~200 KB README full of fenced code blocks
 * (some holding {@code ## Benchmarks} lines that are no heading), as {@code update-readme} does:
 * in memory ({@link MarkdownOutline}, {@link ReadmeSection}) and through
 * {@link MarkdownReadmeStore} on a real file in a temporary folder (read, plan, diff, update lock,
 * atomic write with fsync, read back and check). Runs once per update, so the goal is that even a huge
 * README updates in well under a second; the write is bounded by the disk's fsync, not by us.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ReadmeSectionBenchmark {
    private Path folder;
    private Path readme;
    private String text;
    private String published;
    /** The published section measured on another machine, so that every replacement really changes the file. */
    private String republished;
    private boolean publishedOnDisk = true;
    private final MarkdownReadmeStore store = new MarkdownReadmeStore();

    @Setup
    public void setUp() throws IOException {
        published = ReportBenchmark.publishedSection();
        republished = published.replace("MacBook Pro", "MacBook Air");
        text = SampleReadme.text(published);
        folder = Files.createTempDirectory("offload-bench-readme-");
        readme = folder.resolve("README.md");
        Files.writeString(readme, text, StandardCharsets.UTF_8);
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

    /** The outline of the whole text: every line, every fence, every heading. */
    @Benchmark
    public MarkdownOutline outline() {
        return MarkdownOutline.of(text);
    }

    /** Where the section starts and where its content ends. */
    @Benchmark
    public ReadmeSection locate() {
        return ReadmeSection.locate(text, readme);
    }

    /** The new text in memory: locate, splice, and check that the section reads back. */
    @Benchmark
    public String replaceInMemory() {
        ReadmeSection section = ReadmeSection.locate(text, readme);
        String newText = section.replaceContent(text,
                RenderedSection.of(republished).content().replace("\n", section.lineEnding()));
        return ReadmeSection.locate(newText, readme).content(newText);
    }

    /** {@code update-readme --dry-run}: read the file, plan the edit, and diff it. */
    @Benchmark
    public String preview() {
        return store.previewSectionReplacement(readme, section(republished)).diff();
    }

    /** {@code update-readme}: the whole edit on disk, alternating two sections so that every call writes. */
    @Benchmark
    public Object replaceOnDisk() {
        String next = publishedOnDisk ? republished : published;
        publishedOnDisk = !publishedOnDisk;
        return store.replaceSection(readme, section(next), new ReadmeStore.WriteRules(false, () -> { }));
    }

    /** The section as the application hands it over: it reports both built-in projects. */
    private static ReadmeStore.NewSection section(String markdown) {
        return new ReadmeStore.NewSection(markdown, ProjectHeadings.of(new BuiltInProfiles().profiles()),
                Set.of("mng", "sculptor"));
    }
}
