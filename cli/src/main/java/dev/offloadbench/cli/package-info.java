/**
 * The composition root: reads what must be known before wiring (plugins, later configuration),
 * builds the Guice injector, and runs one picocli command tree, from the command line or from
 * the interactive shell.
 */
package dev.offloadbench.cli;
