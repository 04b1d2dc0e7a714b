package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The valid key a mistyped one was most likely meant to be. */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /**
     * The closest candidate by edit distance, when it is close enough to be a plausible typo
     * (at most a third of its length, and at least 2, edits away).
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = EditDistance.between(typed.toLowerCase(Locale.ROOT),
                    candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }
}
