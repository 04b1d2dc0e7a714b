package dev.offloadbench.domain.profile;

import dev.offloadbench.domain.model.Profile;

import dev.offloadbench.domain.BenchException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which project a README's {@code ###} subsection belongs to, judged by what the README shows:
 * its heading starts with the project's title or one of its heading aliases, compared without
 * regard to case and as whole words ({@code ### Mng Integration Tests} is mng's;
 * {@code ### Mngr Tests} is not). When several match, the longest title wins.
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
