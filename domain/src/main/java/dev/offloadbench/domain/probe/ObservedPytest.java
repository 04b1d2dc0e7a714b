package dev.offloadbench.domain.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One pytest start seen by the probe, after pytest had read all its configuration and before
 * xdist started a worker.
 *
 * @param workers the xdist workers this pytest will really start (0: xdist is not active)
 * @param numprocesses {@code -n} as pytest's options held it, from every source (addopts,
 *     PYTEST_ADDOPTS, the command line): {@code 4}, {@code auto}, {@code logical}; empty without -n
 * @param maxprocesses {@code --maxprocesses}, when given
 * @param fromOptions the workers those options alone ask for, read as xdist reads them; when it
 *     differs from {@code workers}, a {@code pytest_configure} hook (a conftest, a plugin) changed
 *     the count
 * @param xdistInstalled pytest has the xdist plugin
 * @param rootdir pytest's rootdir
 * @param inifile the configuration file pytest uses, if any
 * @param invocationDirectory the folder pytest was started in
 * @param arguments pytest's command-line arguments (without addopts)
 * @param python the interpreter that runs pytest
 * @param versions the versions of Python, pytest and xdist as that very pytest saw them (the
 *     project's own environment, through {@code uv run} or whatever starts it)
 */
public record ObservedPytest(int workers, Optional<String> numprocesses, OptionalInt maxprocesses,
        OptionalInt fromOptions, boolean xdistInstalled, Path rootdir, Optional<Path> inifile,
        Path invocationDirectory, List<String> arguments, String python, Versions versions) {
    /**
     * What pytest said it runs on; each one empty when it could not tell (xdist not installed, or
     * a probe of an offload-bench that did not ask yet).
     */
    public record Versions(Optional<String> python, Optional<String> pytest, Optional<String> xdist) {
        public static final Versions UNKNOWN = new Versions(Optional.empty(), Optional.empty(), Optional.empty());

        public Versions {
            Objects.requireNonNull(python, "python");
            Objects.requireNonNull(pytest, "pytest");
            Objects.requireNonNull(xdist, "xdist");
        }
    }

    /** A pytest start whose versions are not known. */
    public ObservedPytest(int workers, Optional<String> numprocesses, OptionalInt maxprocesses,
            OptionalInt fromOptions, boolean xdistInstalled, Path rootdir, Optional<Path> inifile,
            Path invocationDirectory, List<String> arguments, String python) {
        this(workers, numprocesses, maxprocesses, fromOptions, xdistInstalled, rootdir, inifile, invocationDirectory,
                arguments, python, Versions.UNKNOWN);
    }

    public ObservedPytest {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must not be negative: " + workers);
        }
        Objects.requireNonNull(numprocesses, "numprocesses");
        Objects.requireNonNull(maxprocesses, "maxprocesses");
        Objects.requireNonNull(fromOptions, "fromOptions");
        Objects.requireNonNull(rootdir, "rootdir");
        Objects.requireNonNull(inifile, "inifile");
        Objects.requireNonNull(invocationDirectory, "invocationDirectory");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(versions, "versions");
    }

    /** {@code -n auto} or {@code -n logical}: the count depends on the machine (or PYTEST_XDIST_AUTO_NUM_WORKERS). */
    public boolean auto() {
        return numprocesses.filter(n -> n.equals("auto") || n.equals("logical")).isPresent();
    }

    /** A pytest_configure hook changed what the options asked for. */
    public boolean changedByHook() {
        return fromOptions.isPresent() && fromOptions.getAsInt() != workers;
    }

    /** How the count came about, for the plan: {@code -n auto --maxprocesses 3 → 2 workers}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (numprocesses.isPresent()) {
            text.append("-n ").append(numprocesses.get());
            maxprocesses.ifPresent(max -> text.append(" --maxprocesses ").append(max));
        } else {
            text.append("no -n");
        }
        if (changedByHook()) {
            text.append(" asks for ").append(fromOptions.getAsInt()).append(", a pytest_configure hook (conftest or"
                    + " plugin) makes it ");
        } else {
            text.append(" → ");
        }
        text.append(workers == 0 ? (xdistInstalled ? "xdist inactive, no worker" : "no xdist installed")
                : workers + (workers == 1 ? " worker" : " workers"));
        text.append(" (rootdir ").append(rootdir);
        inifile.ifPresent(file -> text.append(", ").append(file.getFileName()));
        text.append(")");
        return text.toString();
    }
}
