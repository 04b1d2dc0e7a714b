/**
 * The extension points of offload-bench, everything a plugin jar may implement: profiles
 * ({@link dev.offloadbench.domain.spi.ProfileProvider}), run listeners
 * ({@link dev.offloadbench.domain.spi.RunListener}), results exporters
 * ({@link dev.offloadbench.domain.spi.ResultsExporter}) and output parsers for test runners
 * other than pytest ({@link dev.offloadbench.domain.spi.TestOutputParser}). A plugin sees this
 * package, {@code dev.offloadbench.domain.model} and the JDK, and nothing else of offload-bench.
 */
package dev.offloadbench.domain.spi;
