/**
 * Step 1 of the procedure: reading justfiles (through the real just), pytest's and Offload's
 * configuration, and working out each run's command, worker count and Offload parallelism.
 */
package dev.offloadbench.domain.service.planning;
