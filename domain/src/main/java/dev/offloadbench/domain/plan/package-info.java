/** What a benchmark session will run, worked out before anything runs: every run, its command and its numbers' sources. */
package dev.offloadbench.domain.plan;
