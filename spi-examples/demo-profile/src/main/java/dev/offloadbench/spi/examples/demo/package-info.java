/** An example profile plugin, built as a jar of its own: the profile of the bundled demo project. */
package dev.offloadbench.spi.examples.demo;
