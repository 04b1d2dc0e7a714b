package dev.offloadbench.cli.command;

import dev.offloadbench.domain.model.RunKind;
import java.util.Arrays;
import java.util.Iterator;

/** The run kinds {@code --kinds} takes. */
public final class KindCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(RunKind.values()).map(RunKind::id).iterator();
    }
}
