package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.List;
import java.util.Optional;

/**
 * pytest-xdist's worker options among pytest arguments: {@code -n N}, {@code -nN},
 * {@code --numprocesses N|=N}, {@code --maxprocesses N|=N}; the last occurrence wins, as with
 * argparse. The words keep their place in the line so a value can be traced to its source.
 */
record XdistOptions(Optional<Word> count, Optional<Word> max) {
    static XdistOptions in(List<Word> arguments) {
        Optional<Word> count = Optional.empty();
        Optional<Word> max = Optional.empty();
        for (int i = 0; i < arguments.size(); i++) {
            Word word = arguments.get(i);
            String text = word.text();
            Optional<Word> next = i + 1 < arguments.size() ? Optional.of(arguments.get(i + 1)) : Optional.empty();
            if (text.equals("-n") || text.equals("--numprocesses")) {
                count = next.isPresent() ? next : count;
                i++;
            } else if (text.startsWith("--numprocesses=")) {
                count = Optional.of(suffix(word, "--numprocesses=".length()));
            } else if (text.startsWith("-n") && text.length() > 2 && !text.startsWith("--")) {
                count = Optional.of(suffix(word, 2));
            } else if (text.equals("--maxprocesses")) {
                max = next.isPresent() ? next : max;
                i++;
            } else if (text.startsWith("--maxprocesses=")) {
                max = Optional.of(suffix(word, "--maxprocesses=".length()));
            }
        }
        return new XdistOptions(count, max);
    }

    /** These options, then {@code later}'s where it has them (later arguments win). */
    XdistOptions overriddenBy(XdistOptions later) {
        return new XdistOptions(later.count.or(() -> count), later.max.or(() -> max));
    }

    boolean isEmpty() {
        return count.isEmpty() && max.isEmpty();
    }

    private static Word suffix(Word word, int from) {
        // counted from the word's start: quotes around the value stay inside the span
        return new Word(word.text().substring(from), word.start() + from, word.end(), false);
    }
}
