package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell variables a recipe's script sets for itself before a command reads them, such as
 * sculptor's
 * <pre>
 * if [ -n "${XDIST_WORKERS:-}" ]; then
 *   xdist_args="-n ${XDIST_WORKERS}"
 * else
 *   xdist_args="-n auto --maxprocesses 3"
 * fi
 * </pre>
 * Every assignment is found with the {@code if}/{@code elif}/{@code else} branch it sits in; the
 * one that applies is chosen by evaluating the branches' {@code test}/{@code [ ]}/{@code [[ ]]}
 * conditions against the run's environment. This is reading, not running: conditions it cannot
 * evaluate leave the choice open, and the plan says so (the probe tells for sure).
 */
final class ScriptVariables {
    private static final Pattern IF = Pattern.compile("^\\s*if\\s+(.+?)(?:\\s*;\\s*then)?\\s*$");
    private static final Pattern ELIF = Pattern.compile("^\\s*elif\\s+(.+?)(?:\\s*;\\s*then)?\\s*$");
    private static final Pattern ELSE = Pattern.compile("^\\s*else\\s*$");
    private static final Pattern FI = Pattern.compile("^\\s*fi\\s*(?:[;#].*)?$");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:export\\s+|local\\s+|declare\\s+(?:-[a-zA-Z]+\\s+)?|readonly\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern NAMES = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private ScriptVariables() {
    }

    /** A condition of a branch, as written, and whether the branch needs it true or false. */
    record Condition(String text, boolean holds) {
        String describe() {
            return holds ? "when `" + text + "`" : "unless `" + text + "`";
        }
    }

    /**
     * One assignment of the variable.
     *
     * @param value the value, quotes removed, expansions kept ({@code -n ${XDIST_WORKERS}})
     * @param line the script line it is on (0-based, among the lines read)
     * @param conditions the branches it sits in, outermost first
     * @param applies whether it applies in the run's environment; empty when that cannot be told
     */
    record Assignment(String value, int line, String lineText, List<Condition> conditions,
            Optional<Boolean> applies) {
        String describe() {
            String where = conditions.isEmpty() ? "" : " " + String.join(" and ",
                    conditions.stream().map(Condition::describe).toList());
            return "`" + value + "`" + where;
        }
    }

    /**
     * What a variable holds where it is read.
     *
     * @param chosen the assignment that applies, when it can be told
     * @param selectors environment variables the branches' conditions read: setting them picks
     *     another branch
     */
    record Resolution(String name, List<Assignment> assignments, Optional<Assignment> chosen,
            List<String> selectors) {
        /** {@code xdist_args is set by the script: `-n ${X}` when `[ -n "${X:-}" ]`, else ...; X selects it}. */
        String describe() {
            StringBuilder text = new StringBuilder("the script sets `" + name + "`: ");
            text.append(String.join("; ", assignments.stream().map(Assignment::describe).toList()));
            if (!selectors.isEmpty()) {
                text.append(" (").append(String.join(", ", selectors)).append(selectors.size() == 1 ? " selects"
                        : " select").append(" the branch)");
            }
            if (chosen.isEmpty()) {
                text.append("; which one applies cannot be told by reading");
            }
            return text.toString();
        }

        /** Environment variables read by the branches' values and conditions. */
        List<String> environmentVariables() {
            Set<String> names = new LinkedHashSet<>(selectors);
            for (Assignment assignment : assignments) {
                names.addAll(namesIn(assignment.value()));
            }
            return List.copyOf(names);
        }
    }

    /**
     * How {@code name} was last set by the lines before {@code before}, or empty when the script
     * does not set it there.
     */
    static Optional<Resolution> resolve(List<String> lines, int before, String name, Map<String, String> environment) {
        List<Assignment> assignments = new ArrayList<>();
        Deque<List<Condition>> frames = new ArrayDeque<>();
        Deque<List<String>> earlier = new ArrayDeque<>();
        for (int index = 0; index < Math.min(before, lines.size()); index++) {
            String line = lines.get(index);
            Matcher m;
            if ((m = IF.matcher(line)).matches()) {
                frames.push(new ArrayList<>(List.of(new Condition(m.group(1).strip(), true))));
                earlier.push(new ArrayList<>(List.of(m.group(1).strip())));
            } else if ((m = ELIF.matcher(line)).matches() && !frames.isEmpty()) {
                List<Condition> branch = new ArrayList<>();
                earlier.peek().forEach(previous -> branch.add(new Condition(previous, false)));
                branch.add(new Condition(m.group(1).strip(), true));
                earlier.peek().add(m.group(1).strip());
                frames.pop();
                frames.push(branch);
            } else if (ELSE.matcher(line).matches() && !frames.isEmpty()) {
                List<Condition> branch = new ArrayList<>();
                earlier.peek().forEach(previous -> branch.add(new Condition(previous, false)));
                frames.pop();
                frames.push(branch);
            } else if (FI.matcher(line).matches() && !frames.isEmpty()) {
                frames.pop();
                earlier.pop();
            } else if ((m = ASSIGNMENT.matcher(line)).matches() && m.group(1).equals(name)) {
                List<Condition> conditions = new ArrayList<>();
                List<List<Condition>> outermostFirst = new ArrayList<>(frames);
                java.util.Collections.reverse(outermostFirst);
                outermostFirst.forEach(conditions::addAll);
                String value = value(m.group(2));
                assignments.add(new Assignment(value, index, line, conditions, applies(conditions, environment)));
            }
        }
        if (assignments.isEmpty()) {
            return Optional.empty();
        }
        // the last assignment that surely applies, unless a later one may apply too
        Optional<Assignment> chosen = Optional.empty();
        for (Assignment assignment : assignments) {
            if (assignment.applies().isEmpty()) {
                chosen = Optional.empty();
            } else if (assignment.applies().get()) {
                chosen = Optional.of(assignment);
            }
        }
        Set<String> selectors = new LinkedHashSet<>();
        for (Assignment assignment : assignments) {
            for (Condition condition : assignment.conditions()) {
                selectors.addAll(namesIn(condition.text()));
            }
        }
        return Optional.of(new Resolution(name, assignments, chosen, List.copyOf(selectors)));
    }

    /** The value an assignment's right-hand side gives: quotes removed, expansions kept. */
    private static String value(String rightHandSide) {
        List<Word> words = ShellWords.split("x=" + rightHandSide);
        if (words.isEmpty() || words.get(0).operator()) {
            return "";
        }
        return words.get(0).text().substring(2);
    }

    private static Optional<Boolean> applies(List<Condition> conditions, Map<String, String> environment) {
        boolean known = true;
        for (Condition condition : conditions) {
            Optional<Boolean> value = evaluate(condition.text(), environment);
            if (value.isEmpty()) {
                known = false;
            } else if (value.get() != condition.holds()) {
                return Optional.of(false);
            }
        }
        return known ? Optional.of(true) : Optional.empty();
    }

    /**
     * A condition's truth: {@code [ -n W ]}, {@code [ -z W ]}, {@code [ W = W ]}, {@code [ W != W ]}
     * (also with {@code [[ ]]}, {@code test}, a leading {@code !}), joined with {@code &&} or
     * {@code ||}; empty when it cannot be told.
     */
    static Optional<Boolean> evaluate(String condition, Map<String, String> environment) {
        List<Word> words = ShellWords.split(condition);
        List<List<Word>> tests = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word word : words) {
            if (word.operator() && (word.text().equals("&&") || word.text().equals("||"))) {
                tests.add(current);
                joins.add(word.text());
                current = new ArrayList<>();
            } else if (word.operator()) {
                return Optional.empty();
            } else {
                current.add(word);
            }
        }
        tests.add(current);
        Optional<Boolean> result = single(tests.get(0), environment);
        for (int i = 1; i < tests.size(); i++) {
            boolean and = joins.get(i - 1).equals("&&");
            if (result.isPresent() && result.get() != and) {
                continue; // false && x, true || x: x is not evaluated
            }
            Optional<Boolean> next = single(tests.get(i), environment);
            if (result.isEmpty()) {
                // unknown && false is false, unknown || true is true; otherwise still unknown
                result = next.isPresent() && next.get() != and ? next : Optional.empty();
            } else {
                result = next;
            }
        }
        return result;
    }

    private static Optional<Boolean> single(List<Word> test, Map<String, String> environment) {
        List<String> words = new ArrayList<>();
        for (Word word : test) {
            words.add(word.text());
        }
        // redirections such as 2>/dev/null do not change the outcome
        words.removeIf(w -> w.matches("[0-9]*>.*"));
        boolean negate = false;
        if (!words.isEmpty() && words.get(0).equals("!")) {
            negate = true;
            words.remove(0);
        }
        if (words.size() >= 2 && (words.get(0).equals("[") && words.get(words.size() - 1).equals("]")
                || words.get(0).equals("[[") && words.get(words.size() - 1).equals("]]"))) {
            words = words.subList(1, words.size() - 1);
        } else if (!words.isEmpty() && words.get(0).equals("test")) {
            words = words.subList(1, words.size());
        } else {
            return Optional.empty();
        }
        if (!words.isEmpty() && words.get(0).equals("!")) {
            negate = !negate;
            words = words.subList(1, words.size());
        }
        Optional<Boolean> value = Optional.empty();
        if (words.size() == 2 && (words.get(0).equals("-n") || words.get(0).equals("-z"))) {
            boolean nonEmpty = words.get(0).equals("-n");
            value = expand(words.get(1), environment).map(text -> nonEmpty != text.isEmpty());
        } else if (words.size() == 1) {
            value = expand(words.get(0), environment).map(text -> !text.isEmpty());
        } else if (words.size() == 3 && List.of("=", "==", "!=").contains(words.get(1))) {
            Optional<String> left = expand(words.get(0), environment);
            Optional<String> right = expand(words.get(2), environment);
            if (left.isPresent() && right.isPresent()) {
                value = Optional.of(left.get().equals(right.get()) != words.get(1).equals("!="));
            }
        }
        boolean flip = negate;
        return value.map(v -> v != flip);
    }

    /** A word's value: a literal, or one expansion of an environment variable. */
    private static Optional<String> expand(String word, Map<String, String> environment) {
        if (!word.contains("$")) {
            return Optional.of(word);
        }
        ShellValue value = ShellValue.of(word);
        if (value.variable().isEmpty()) {
            return Optional.empty();
        }
        if (!environment.containsKey(value.variable().get()) && value.fallback().isEmpty()) {
            return Optional.of(""); // an unset variable expands to nothing
        }
        return value.resolve(environment);
    }

    private static List<String> namesIn(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMES.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
