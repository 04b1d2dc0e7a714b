package dev.offloadbench.domain.service.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command line into words the way a POSIX shell would before expansion: quotes
 * removed, backslash escapes honoured, parameter expressions such as {@code ${N:-4}} kept as
 * written, and the control operators {@code ; & && | || ( )} as words of their own. Each word
 * remembers where it stood in the line, so a value can be traced back to the recipe text.
 */
final class ShellWords {
    private ShellWords() {
    }

    /** A word and its span {@code [start, end)} in the line. */
    record Word(String text, int start, int end, boolean operator) {
    }

    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder current = null;
        int start = -1;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (current != null) {
                    words.add(new Word(current.toString(), start, i, false));
                    current = null;
                }
                i++;
                continue;
            }
            if (c == '#' && current == null) {
                break; // a comment runs to the end of the line
            }
            boolean redirection = c == '&' && (current != null && endsWithRedirect(current)
                    || i + 1 < n && line.charAt(i + 1) == '>');
            if (isOperatorChar(c) && !redirection) {
                if (current != null) {
                    words.add(new Word(current.toString(), start, i, false));
                    current = null;
                }
                int end = i + 1;
                if (end < n && (c == '&' || c == '|') && line.charAt(end) == c) {
                    end++;
                }
                words.add(new Word(line.substring(i, end), i, end, true));
                i = end;
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = i;
            }
            if (c == '\\' && i + 1 < n) {
                current.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                int end = close < 0 ? n : close;
                current.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = appendDoubleQuoted(line, i + 1, current);
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '{') {
                int close = line.indexOf('}', i);
                int end = close < 0 ? n : close + 1;
                current.append(line, i, end);
                i = end;
            } else {
                current.append(c);
                i++;
            }
        }
        if (current != null) {
            words.add(new Word(current.toString(), start, n, false));
        }
        return words;
    }

    private static int appendDoubleQuoted(String line, int from, StringBuilder into) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                into.append(line.charAt(i + 1));
                i += 2;
            } else {
                into.append(c);
                i++;
            }
        }
        return i;
    }

    /** {@code 2>&1}, {@code >&2}, {@code <&0}: the {@code &} belongs to the redirection. */
    private static boolean endsWithRedirect(StringBuilder word) {
        char last = word.charAt(word.length() - 1);
        return last == '>' || last == '<';
    }

    private static boolean isOperatorChar(char c) {
        return c == ';' || c == '&' || c == '|' || c == '(' || c == ')';
    }
}
