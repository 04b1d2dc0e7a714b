package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.probe.ProbeRequest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.Cancellation;
import java.util.Collection;

/**
 * Runs a planned command so that nothing is tested, and says what pytest, xdist and offload would
 * do: the workers xdist would start after all of pytest's configuration, pytest's rootdir and
 * configuration file, offload's arguments. Every process the probe starts ends with it, and
 * carries the request's marker, so that what a probe of a bench that died left running is found.
 */
public interface RunProbe {
    /**
     * The module of the probe's pytest plugin, which pytest loads through {@code PYTEST_PLUGINS}
     * and {@code PYTHONPATH}: a recipe that blocks it ({@code -p no:offload_bench_probe}) is not
     * probed.
     */
    String PYTEST_PLUGIN = "offload_bench_probe";

    /**
     * Never throws for what the command does: a command that cannot start, fails before pytest,
     * runs too long or is interrupted gives a result saying so.
     */
    ProbeResult probe(ProbeRequest request, Cancellation cancellation);

    /**
     * Removes what probes with these markers left on disk (a folder of their own), once their
     * processes are gone: a bench that died while it probed. A probe that keeps nothing on disk
     * has nothing to remove.
     */
    default void discardLeftovers(Collection<String> markers) {
    }
}
