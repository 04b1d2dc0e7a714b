package dev.offloadbench.adapters.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.port.out.ReadmeStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two updates of one README at once: the second waits for the first and builds on what it wrote. */
@Timeout(60)
class ConcurrentUpdatesTest {
    private static final String README = """
            # Offload

            ## Benchmarks

            Speedups measured on Imbue projects.

            ### Sculptor Integration Tests

            | Run Kind | old sculptor |

            ### Mng Integration Tests

            | Run Kind | old mng |

            ## Installation
            """;

    @TempDir
    Path folder;

    @Test
    void aSecondUpdateWaitsForTheFirstAndNeitherIsLost() throws Exception {
        Path readme = Files.writeString(folder.resolve("README.md"), README);
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch letFirstWrite = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        MarkdownReadmeStore store = new MarkdownReadmeStore(new MarkdownReadmeStore.Seams() {
            @Override
            public void beforeWrite(Path file) {
                if (writes.incrementAndGet() == 1) {
                    firstIsWriting.countDown();
                    await(letFirstWrite);
                }
            }
        });
        CompletableFuture<ReadmeStore.Replacement> mng = CompletableFuture.supplyAsync(() -> store.replaceSection(
                readme, current -> Readmes.section("## Benchmarks\n\nSpeedups measured on Imbue projects.\n\n"
                        + "### Mng Unit + Integration Tests\n\n| Run Kind | new mng |\n", "mng"),
                new ReadmeStore.WriteRules(false, () -> { })));
        await(firstIsWriting);
        CountDownLatch secondWaits = new CountDownLatch(1);
        CompletableFuture<ReadmeStore.Replacement> sculptor = CompletableFuture.supplyAsync(() -> store.replaceSection(
                readme, current -> Readmes.section("## Benchmarks\n\nSpeedups measured on Imbue projects.\n\n"
                        + "### Sculptor Integration Tests (Playwright)\n\n| Run Kind | new sculptor |\n", "sculptor"),
                new ReadmeStore.WriteRules(false, secondWaits::countDown)));

        await(secondWaits);
        assertThat(sculptor).isNotDone();
        letFirstWrite.countDown();

        assertThat(mng.get(30, TimeUnit.SECONDS).changed()).isTrue();
        assertThat(sculptor.get(30, TimeUnit.SECONDS).changed()).isTrue();
        assertThat(Files.readString(readme, StandardCharsets.UTF_8)).isEqualTo("""
                # Offload

                ## Benchmarks

                Speedups measured on Imbue projects.

                ### Sculptor Integration Tests (Playwright)

                | Run Kind | new sculptor |

                ### Mng Unit + Integration Tests

                | Run Kind | new mng |

                ## Installation
                """);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
