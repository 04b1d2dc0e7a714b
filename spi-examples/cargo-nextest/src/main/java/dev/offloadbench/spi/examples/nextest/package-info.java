/**
 * An example plugin for a test runner other than pytest: the profile of a cargo-nextest suite
 * (Offload's own) and the output parser that reads cargo-nextest's output.
 */
package dev.offloadbench.spi.examples.nextest;
