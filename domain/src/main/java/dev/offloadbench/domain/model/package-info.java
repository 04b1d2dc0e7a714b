/** The report's model: profiles, run kinds, outcomes, metrics and the Benchmarks report. */
package dev.offloadbench.domain.model;
