/**
 * The file helpers every module shares, each the one place for its concern:
 * {@link dev.offloadbench.files.AtomicFile} (a temporary file beside the target, fsynced, owner and
 * mode kept, an optional guard against a change made meanwhile, no symbolic-link or FIFO surprises,
 * no temporary file left behind), {@link dev.offloadbench.files.UpdateLock} (one update of a file at
 * a time, across processes), {@link dev.offloadbench.files.PrivateFiles} (files and folders for
 * their owner alone), {@link dev.offloadbench.files.XdgDirectories} (the home and XDG folders) and
 * {@link dev.offloadbench.files.Utf8Text} (text that must be UTF-8). Depends on the JDK only, so
 * that adapters may use it without depending on one another.
 */
package dev.offloadbench.files;
