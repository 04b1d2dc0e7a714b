/** Executing one benchmark run: what was asked, how it ended, what its output said about the tests. */
package dev.offloadbench.domain.run;
