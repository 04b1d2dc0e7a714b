/**
 * The statistics a comparison of benchmark times needs, in plain Java: Student's t distribution
 * (its quantiles, for prediction intervals).
 */
package dev.offloadbench.domain.stats;
