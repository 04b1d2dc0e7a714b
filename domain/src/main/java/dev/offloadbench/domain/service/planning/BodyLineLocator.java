package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Fragment;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces a line printed by {@code just --dry-run} back to the recipe body line it came from
 * (in the recipe or one of its dependencies), and a word of it to the interpolation that
 * produced it, if any.
 */
final class BodyLineLocator {
    private BodyLineLocator() {
    }

    /** Where a word came from: the body line, its recipe, and the interpolation it lies in. */
    record Origin(Recipe recipe, Optional<SourceLine> line, Optional<Expression> interpolation) {
    }

    static Optional<Origin> locate(Justfile justfile, String recipeName, String printedLine, Word word) {
        return locate(justfile, recipeName, printedLine, word, (recipe, expression) -> Optional.empty());
    }

    /** The value an interpolation printed, when it is known. */
    interface Values {
        Optional<String> of(Recipe recipe, Expression expression);
    }

    /**
     * Like {@link #locate(Justfile, String, String, Word)}, telling interpolations apart by the
     * values they printed where those are known: in {@code {{_parallel}} {{_skip}}} the words of
     * {@code -n 4 --dist=worksteal} belong to the first one, whatever the second one holds.
     */
    static Optional<Origin> locate(Justfile justfile, String recipeName, String printedLine, Word word,
            Values values) {
        for (boolean useValues : new boolean[] {true, false}) {
            for (Recipe recipe : chain(justfile, recipeName)) {
                for (int index = 0; index < recipe.body().size(); index++) {
                    Optional<Origin> origin = match(recipe, index, printedLine, word, useValues ? values
                            : (r, e) -> Optional.empty());
                    if (origin.isPresent()) {
                        return origin;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Origin> match(Recipe recipe, int index, String printedLine, Word word, Values values) {
        List<Fragment> fragments = recipe.body().get(index);
        if (fragments.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder("^\\s*[@-]{0,2}");
        List<Expression> groups = new ArrayList<>();
        boolean first = true;
        for (Fragment fragment : fragments) {
            if (fragment instanceof Fragment.Text text) {
                String literal = first ? stripPrefix(text.text()) : text.text();
                regex.append(Pattern.quote(literal));
            } else if (fragment instanceof Fragment.Interpolation interpolation) {
                Optional<String> value = values.of(recipe, interpolation.expression());
                regex.append(value.map(v -> "(" + Pattern.quote(v) + ")").orElse("(.*?)"));
                groups.add(interpolation.expression());
            }
            first = false;
        }
        regex.append("\\s*$");
        Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(printedLine);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Expression> inside = Optional.empty();
        for (int g = 1; g <= matcher.groupCount(); g++) {
            // overlap, not containment: a quoted word ("{{workers}}") is wider than its interpolation
            if (matcher.start(g) < word.end() && word.start() < matcher.end(g)) {
                inside = Optional.of(groups.get(g - 1));
            }
        }
        return Optional.of(new Origin(recipe, recipe.bodyLine(index), inside));
    }

    private static String stripPrefix(String text) {
        String stripped = text.stripLeading();
        int i = 0;
        while (i < stripped.length() && i < 2 && (stripped.charAt(i) == '@' || stripped.charAt(i) == '-')) {
            i++;
        }
        return stripped.substring(i);
    }

    /** The recipe, then its dependencies, breadth first. */
    private static List<Recipe> chain(Justfile justfile, String recipeName) {
        List<Recipe> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(recipeName));
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            justfile.recipe(name).ifPresent(recipe -> {
                chain.add(recipe);
                recipe.dependencies().forEach(d -> queue.add(d.recipe()));
            });
        }
        return chain;
    }
}
