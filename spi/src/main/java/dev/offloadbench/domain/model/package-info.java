/**
 * The report's model: profiles, run kinds, outcomes, metrics and the Benchmarks report. Part of
 * the plugin SPI (the {@code offload-bench-spi} artifact): JDK only, and visible to plugins.
 */
package dev.offloadbench.domain.model;
