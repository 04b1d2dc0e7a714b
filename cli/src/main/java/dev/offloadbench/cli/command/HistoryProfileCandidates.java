package dev.offloadbench.cli.command;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code history} completes: {@code all}, each configured profile, and each profile a recorded
 * session ran (a project taken out of the configuration keeps its history).
 */
public final class HistoryProfileCandidates implements Iterable<String> {
    private final Completions completions;

    public HistoryProfileCandidates() {
        this(Completions.NONE);
    }

    public HistoryProfileCandidates(Completions completions) {
        this.completions = completions;
    }

    @Override
    public Iterator<String> iterator() {
        Set<String> words = new LinkedHashSet<>(List.of("all"));
        words.addAll(completions.profileIds());
        words.addAll(completions.recordedProfileIds());
        return new ArrayList<>(words).iterator();
    }
}
