package dev.offloadbench.cli.command;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What {@code run} and {@code plan} complete: {@code all} and each configured profile. */
public final class ProfileCandidates implements Iterable<String> {
    private final Completions completions;

    public ProfileCandidates() {
        this(Completions.NONE);
    }

    public ProfileCandidates(Completions completions) {
        this.completions = completions;
    }

    @Override
    public Iterator<String> iterator() {
        List<String> words = new ArrayList<>(List.of("all"));
        words.addAll(completions.profileIds());
        return words.iterator();
    }
}
