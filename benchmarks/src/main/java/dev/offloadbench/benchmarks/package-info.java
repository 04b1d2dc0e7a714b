/**
 * JMH micro-benchmarks of offload-bench's hot paths, run by hand and never by the build:
 * parsing a run's output (lines and bytes per second), replacing the Benchmarks section of a
 * large README, and computing and rendering the published numbers.
 *
 * <p>This package holds the fixtures they share ({@link dev.offloadbench.benchmarks.SampleOutput},
 * {@link dev.offloadbench.benchmarks.SampleReadme}) and the benchmarks that need only public API
 * ({@link dev.offloadbench.benchmarks.ReportBenchmark}). Benchmarks of package-private code sit in
 * the package of the code they measure ({@code dev.offloadbench.adapters.process},
 * {@code dev.offloadbench.adapters.markdown}) inside this module: a split package is fine on the
 * class path, and the benchmarks jar is the only place where both halves meet.
 */
package dev.offloadbench.benchmarks;
