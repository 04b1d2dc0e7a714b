/**
 * Processes on this machine: the real {@code just} read through its JSON dump and
 * {@code --dry-run} ({@link JustCliReader}), short commands run with standard input closed and
 * the whole process tree ended on timeout ({@link ProcessCommandRunner}), tools found on the PATH
 * ({@link PathToolLocator}) and what the machine is and how busy ({@link SystemMachineProbe}).
 * Benchmark runs are executed by {@link StreamingRunExecutor}: timed (the exit stamped by a thread
 * that only waits for it), in a process group of their own, their output moved to a log by a
 * thread that only moves bytes, followed behind it for the display ({@link OutputFollower}), and
 * read once the run has exited for pytest's, pytest-xdist's and Offload's counts, lines filtered on
 * their bytes before anything is decoded ({@link RunOutput}, {@link LineSplitter}); and contained:
 * every process carrying the run's marker is ended with it ({@link MarkedProcesses}, reading
 * Linux's {@code /proc} through {@link ProcFs}). rust-just's Node wrapper is skipped for the native
 * binary it ships ({@link PathToolLocator}).
 * {@link ProcessRunProbe} runs a planned command through the same executor with a pytest plugin
 * and a recording {@code offload} stand-in (resources under {@code probe/}), so that nothing is
 * tested and what xdist and offload would do is recorded.
 * Nothing here parses a justfile: its structure always comes from just itself.
 */
package dev.offloadbench.adapters.process;
