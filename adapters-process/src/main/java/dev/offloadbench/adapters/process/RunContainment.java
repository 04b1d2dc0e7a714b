package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.LeftoverProcess;
import java.util.List;

/**
 * Ends every process of one run: on Linux everything {@link MarkedProcesses} finds by the run's
 * marker and process group; elsewhere the tree as {@link ProcessTree} knows it.
 */
final class RunContainment {
    private final Process process;
    private final ProcessTree tree;
    private final long group;
    private final MarkedProcesses marked;

    /** @param group the process group the command leads, or -1 */
    RunContainment(Process process, ProcessTree tree, String marker, long group) {
        this.process = process;
        this.tree = tree;
        this.group = group;
        this.marked = ProcFs.available() ? new MarkedProcesses(List.of(marker), group) : null;
    }

    /**
     * Ends the command and every process of the run (a timeout, a cancellation, a failure);
     * returns those that had escaped the command's process group, such as daemons.
     */
    List<LeftoverProcess> endAll() {
        if (marked == null) {
            tree.end();
            return List.of();
        }
        return marked.end(MarkedProcesses.GRACE).ended().stream()
                .filter(ended -> ended.process().pid() != process.pid() && ended.group() != group)
                .map(MarkedProcesses.Ended::process).toList();
    }

    /**
     * Once the command's own process has gone: ends what of the run is still running (children
     * left in the background, daemons) and returns them.
     */
    List<LeftoverProcess> endLeftovers() {
        if (marked == null) {
            return tree.endLeftovers();
        }
        return marked.end(MarkedProcesses.GRACE).ended().stream().map(MarkedProcesses.Ended::process).toList();
    }
}
