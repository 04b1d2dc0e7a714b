/**
 * Processes on this machine: the real {@code just} read through its JSON dump and
 * {@code --dry-run} ({@link JustCliReader}), short commands run with standard input closed and
 * the whole process tree ended on timeout ({@link ProcessCommandRunner}), tools found on the PATH
 * ({@link PathToolLocator}) and what the machine is and how busy ({@link SystemMachineProbe}).
 * Benchmark runs are executed by {@link StreamingRunExecutor}: timed, in a process group of their
 * own, their output streamed to a log and read for pytest's, pytest-xdist's and Offload's counts,
 * and contained: every process carrying the run's marker is ended with it ({@link MarkedProcesses},
 * reading Linux's {@code /proc} through {@link ProcFs}).
 * {@link ProcessRunProbe} runs a planned command through the same executor with a pytest plugin
 * and a recording {@code offload} stand-in (resources under {@code probe/}), so that nothing is
 * tested and what xdist and offload would do is recorded.
 * Nothing here parses a justfile: its structure always comes from just itself.
 */
package dev.offloadbench.adapters.process;
