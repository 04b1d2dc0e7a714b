package dev.offloadbench.domain.profile;

import dev.offloadbench.domain.model.Profile;

import dev.offloadbench.domain.BenchException;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which project a README's {@code ###} subsection belongs to, judged by what the README shows:
 * its heading starts with the project's title or one of its heading aliases, compared without
 * regard to case and as whole words ({@code ### Mng Integration Tests} is mng's;
 * {@code ### Mngr Tests} is not). When several match, the longest title wins; but where it
 * matters, for a heading an update would replace or keep on behalf of a project it covers, a
 * heading that several profiles claim is refused ({@link #owner(String, Set)}), never resolved silently.
 */
public final class ProjectHeadings {
    private final List<Profile> profiles;

    private ProjectHeadings(List<Profile> profiles) {
        this.profiles = profiles;
    }

    public static ProjectHeadings of(Collection<Profile> profiles) {
        return new ProjectHeadings(List.copyOf(profiles));
    }

    /**
     * @param heading a heading line ({@code ### Mng Integration Tests}) or its text
     * @return the profile whose subsection it heads, if any
     * @throws BenchException when two profiles' titles match it equally well
     */
    public Optional<Profile> owner(String heading) {
        String text = text(heading).toLowerCase(Locale.ROOT);
        Profile best = null;
        String bestName = "";
        for (Profile profile : profiles) {
            for (String name : names(profile)) {
                String wanted = name.strip().toLowerCase(Locale.ROOT);
                if (!startsWithWords(text, wanted) || wanted.length() < bestName.length()) {
                    continue;
                }
                if (wanted.length() == bestName.length() && best != null && !best.id().equals(profile.id())) {
                    throw new BenchException("the README heading \"" + heading.strip() + "\" could be project "
                            + best.id() + "'s or project " + profile.id() + "'s: both are titled \"" + name.strip()
                            + "\"; give one of the profiles a different title");
                }
                best = profile;
                bestName = wanted;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The owner of a heading of a README an update edits, for an update covering the projects
     * {@code covered}: as {@link #owner(String)}, but a heading that two or more profiles claim is
     * refused when any of them is covered, since the update could then replace the wrong
     * subsection, or add a second one of the same project.
     *
     * @throws BenchException naming the heading and every profile that claims it, with the words each matched
     */
    public Optional<Profile> owner(String heading, Set<String> covered) {
        String text = text(heading).toLowerCase(Locale.ROOT);
        Map<String, String> claims = new LinkedHashMap<>();
        for (Profile profile : profiles) {
            for (String name : names(profile)) {
                if (startsWithWords(text, name.strip().toLowerCase(Locale.ROOT))) {
                    claims.merge(profile.id(), describe(profile, name), (a, b) -> a);
                }
            }
        }
        if (claims.size() > 1 && claims.keySet().stream().anyMatch(covered::contains)) {
            List<String> who = claims.entrySet().stream().map(e -> "project " + e.getKey() + "'s (" + e.getValue()
                    + ")").toList();
            throw new BenchException("the README heading \"" + heading.strip() + "\" could be "
                    + String.join(" or ", who) + ", and these results cover "
                    + String.join(" and ", claims.keySet().stream().filter(covered::contains).toList())
                    + ", so it is unclear which subsection it is; rename the heading, or change the title or"
                    + " heading_aliases of one of these profiles so that only one of them starts it");
        }
        return owner(heading);
    }

    private static String describe(Profile profile, String name) {
        return name.equals(profile.title()) ? "its title \"" + name.strip() + "\""
                : "its heading alias \"" + name.strip() + "\"";
    }

    /** The heading's text: without its {@code ###} and a closing sequence of {@code #}. */
    public static String text(String heading) {
        String text = heading.strip();
        int hashes = 0;
        while (hashes < text.length() && text.charAt(hashes) == '#') {
            hashes++;
        }
        text = text.substring(hashes).strip();
        int closing = text.length();
        while (closing > 0 && text.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing == 0 || closing < text.length() && Character.isWhitespace(text.charAt(closing - 1))) {
            text = text.substring(0, closing);
        }
        return text.strip();
    }

    private static List<String> names(Profile profile) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(profile.title()),
                profile.headingAliases().stream()).toList();
    }

    private static boolean startsWithWords(String text, String name) {
        return !name.isEmpty() && text.startsWith(name)
                && (text.length() == name.length() || !Character.isLetterOrDigit(text.charAt(name.length())));
    }
}
