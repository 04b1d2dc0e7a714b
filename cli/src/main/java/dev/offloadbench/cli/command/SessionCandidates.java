package dev.offloadbench.cli.command;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Where a session is named: {@code latest} and each recorded session, newest first. */
public final class SessionCandidates implements Iterable<String> {
    private final Completions completions;

    public SessionCandidates() {
        this(Completions.NONE);
    }

    public SessionCandidates(Completions completions) {
        this.completions = completions;
    }

    @Override
    public Iterator<String> iterator() {
        List<String> words = new ArrayList<>(List.of("latest"));
        List<String> sessions = new ArrayList<>(completions.sessionIds());
        java.util.Collections.reverse(sessions);
        words.addAll(sessions);
        return words.iterator();
    }
}
