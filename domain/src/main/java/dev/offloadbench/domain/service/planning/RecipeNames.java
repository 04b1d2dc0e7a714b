package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Justfile;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds a recipe by name, or says which existing names come closest and how to configure one. */
final class RecipeNames {
    private RecipeNames() {
    }

    /**
     * @param otherRuns recipes that other runs of the project use, never suggested for this one
     */
    static String require(Justfile justfile, String recipe, String configKey, ProjectConfig project,
            BenchConfig config, String... otherRuns) {
        if (justfile.recipe(recipe).isPresent()) {
            return recipe;
        }
        List<String> others = List.of(otherRuns);
        List<String> closest = closest(recipe, justfile.recipes().keySet().stream()
                .filter(name -> !others.contains(name)).toList());
        String suggestion = closest.isEmpty() ? "." : "; did you mean " + String.join(" or ",
                closest.stream().map(name -> "`" + name + "`").toList()) + "?";
        String fix = closest.isEmpty() ? "\"RECIPE\"" : "\"" + closest.get(0) + "\"";
        throw new PlanProblem(justfile.source() + " has no recipe `" + recipe + "`" + suggestion
                + " Set the right one with " + configKey + " = " + fix + " under [projects." + project.profile()
                + "] in " + config.describeSource());
    }

    /**
     * Up to three names that are a plausible rename of {@code wanted}: those sharing most of its
     * words ({@code test-integration-offload} and {@code test-offload} share two), then the
     * nearest by edit distance.
     */
    static List<String> closest(String wanted, List<String> names) {
        return names.stream()
                .filter(name -> sharedWords(wanted, name) > 0 || distance(wanted, name) <= Math.max(3, wanted.length() / 3))
                .sorted(Comparator.comparingInt((String name) -> -sharedWords(wanted, name))
                        .thenComparingInt(name -> distance(wanted, name))
                        .thenComparing(name -> name))
                .limit(3)
                .toList();
    }

    private static int sharedWords(String a, String b) {
        Set<String> words = new HashSet<>(Arrays.asList(a.split("[-_]")));
        return (int) Arrays.stream(b.split("[-_]")).distinct().filter(words::contains).count();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
