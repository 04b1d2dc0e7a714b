/**
 * Sessions against each other: a run's figures in two sessions with the ratio of their times and
 * whether the change is beyond noise, the recorded inputs that differ beside the figure they may
 * explain, and every finished session's figures over time.
 */
package dev.offloadbench.domain.history;
