/**
 * An example plugin of two extensions: the results exporter {@code csv} and a run listener that
 * appends every finished run to a CSV file.
 */
package dev.offloadbench.spi.examples.csv;
