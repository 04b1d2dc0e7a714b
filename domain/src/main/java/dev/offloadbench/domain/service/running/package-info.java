/** Steps 2 and 6 of the procedure: the benchmark session, run strictly one execution at a time, and judged. */
package dev.offloadbench.domain.service.running;
