/**
 * Safe file replacement, shared by every adapter that writes files: {@link dev.offloadbench.files.AtomicFile}
 * (a temporary file beside the target, fsynced, owner and mode kept, an optional guard against
 * a change made meanwhile, no symbolic-link or FIFO surprises, no temporary file left behind) and
 * {@link dev.offloadbench.files.UpdateLock} (one update of a file at a time, across processes).
 * Depends on the JDK only, so that adapters may use it without depending on one another.
 */
package dev.offloadbench.files;
