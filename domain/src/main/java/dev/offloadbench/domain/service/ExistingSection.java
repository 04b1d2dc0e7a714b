package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.KeptSubsection;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.ProjectReport;
import dev.offloadbench.domain.profile.ProjectHeadings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a README's current Benchmarks section shows, as far as a new one must fit it: the order
 * of its projects (projects it already shows keep their places, new ones follow in the order
 * given), and the subsections the update keeps as they are, with the Offload provider each one's
 * Offload row names, so that the new introduction speaks truly of them too.
 */
final class ExistingSection {
    private static final String SUBSECTION = "### ";
    /** The Offload row the built-in template writes: {@code | Offload (Modal, max 200) | ...}. */
    private static final String OFFLOAD_ROW = "Offload (";

    private final List<Shown> subsections;

    /** A {@code ###} subsection: its heading, and what its table shows. */
    private record Shown(String heading, boolean hasTable, Optional<String> offloadProvider) {
    }

    ExistingSection(String text) {
        List<Shown> shown = new ArrayList<>();
        String heading = null;
        boolean table = false;
        String provider = null;
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith(SUBSECTION)) {
                if (heading != null) {
                    shown.add(new Shown(heading, table, Optional.ofNullable(provider)));
                }
                heading = line;
                table = false;
                provider = null;
            } else if (heading != null && line.startsWith("|")) {
                table = true;
                String cell = line.substring(1).strip();
                if (provider == null && cell.startsWith(OFFLOAD_ROW)) {
                    provider = providerOf(cell.substring(OFFLOAD_ROW.length()));
                }
            }
        }
        if (heading != null) {
            shown.add(new Shown(heading, table, Optional.ofNullable(provider)));
        }
        this.subsections = List.copyOf(shown);
    }

    /**
     * The report fitted to this section: its projects in the section's order, and the section's
     * subsections it does not cover and that show numbers (a table), which the update keeps.
     *
     * @throws dev.offloadbench.domain.BenchException when a heading could be the subsection of
     *     several profiles, one of which the report covers
     */
    BenchmarkReport arrange(BenchmarkReport report, ProjectHeadings headings) {
        Set<String> covered = report.projects().stream().map(project -> project.profile().id())
                .collect(Collectors.toSet());
        List<String> order = new ArrayList<>();
        List<KeptSubsection> kept = new ArrayList<>();
        for (Shown subsection : subsections) {
            Optional<Profile> owner = headings.owner(subsection.heading(), covered);
            if (owner.isPresent() && covered.contains(owner.get().id())) {
                if (!order.contains(owner.get().id())) {
                    order.add(owner.get().id());
                }
            } else if (subsection.hasTable()) {
                kept.add(new KeptSubsection(owner.map(Profile::title)
                        .orElse(ProjectHeadings.text(subsection.heading())), subsection.offloadProvider()));
            }
        }
        List<ProjectReport> ordered = new ArrayList<>(report.projects());
        // List.sort is stable: projects the README does not show keep their given order, after the others
        ordered.sort(Comparator.comparingInt(project -> {
            int index = order.indexOf(project.profile().id());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return report.with(ordered, kept);
    }

    /** {@code Modal, max 200) | ...} gives {@code Modal}. */
    private static String providerOf(String rest) {
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ',' && rest.charAt(end) != ')') {
            end++;
        }
        String provider = rest.substring(0, end).strip();
        return provider.isEmpty() ? null : provider;
    }
}
