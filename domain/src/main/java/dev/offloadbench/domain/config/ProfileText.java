package dev.offloadbench.domain.config;

import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a project's part of the report reads, as a {@code [projects.<id>]} table may say it:
 * {@code title}, {@code suite_label}, {@code notes} (template lines) and {@code heading_aliases}.
 * Each one given replaces the profile's; with a title and a suite label the table is a profile of
 * its own, no plugin needed.
 *
 * @param declaredAt where the table is ({@code FILE:LINE}), for messages and {@code bench profiles}
 */
public record ProfileText(Optional<String> title, Optional<String> suiteLabel, Optional<List<String>> notes,
        Optional<List<String>> headingAliases, String declaredAt) {
    /** A table that says nothing about the report. */
    public static final ProfileText NONE = new ProfileText(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), "");

    public ProfileText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(suiteLabel, "suiteLabel");
        notes = Objects.requireNonNull(notes, "notes").map(List::copyOf);
        headingAliases = Objects.requireNonNull(headingAliases, "headingAliases").map(List::copyOf);
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    public boolean isEmpty() {
        return title.isEmpty() && suiteLabel.isEmpty() && notes.isEmpty() && headingAliases.isEmpty();
    }

    /** Enough to make a profile without a plugin. */
    public boolean definesProfile() {
        return title.isPresent() && suiteLabel.isPresent();
    }

    /** The profile this table makes on its own: the procedure's way of running, these words. */
    public Profile toProfile(String id) {
        if (!definesProfile()) {
            throw new IllegalStateException("[projects." + id + "] has no title and suite_label");
        }
        return applyTo(new Profile(id, title.get(), suiteLabel.get(), List.of(), RunDefaults.PROCEDURE));
    }

    /** {@code profile} with what this table says in place of its own words. */
    public Profile applyTo(Profile profile) {
        Profile result = profile;
        if (title.isPresent()) {
            result = result.withTitle(title.get());
        }
        if (suiteLabel.isPresent()) {
            result = result.withSuiteLabel(suiteLabel.get());
        }
        if (notes.isPresent()) {
            result = result.withNotes(notes.get());
        }
        if (headingAliases.isPresent()) {
            result = result.withHeadingAliases(headingAliases.get());
        }
        return result;
    }
}
