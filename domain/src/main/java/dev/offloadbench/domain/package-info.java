/**
 * The problem in its own words: profiles, run kinds, runs and their outcomes, metrics and
 * reports, with the ports the outside implements. JDK only: no framework, no third-party code.
 */
package dev.offloadbench.domain;
