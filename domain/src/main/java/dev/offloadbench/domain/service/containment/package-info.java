/**
 * Containment across benches: the machine's lock, which sessions and probes take before they run
 * anything, and what a bench that died (kill -9) left running, ended before anything runs again.
 */
package dev.offloadbench.domain.service.containment;
