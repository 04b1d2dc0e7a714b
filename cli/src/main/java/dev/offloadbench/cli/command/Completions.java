package dev.offloadbench.cli.command;

import java.util.List;

/**
 * The words Tab completes that depend on this machine: the configured profiles, the recorded
 * sessions and the profiles they recorded. The shell knows them; a completion script generated for bash or zsh completes the
 * fixed words only ({@code all}, {@code latest}, the run kinds).
 */
public interface Completions {
    /** Nothing beyond the fixed words. */
    Completions NONE = new Completions() {
        @Override
        public List<String> profileIds() {
            return List.of();
        }

        @Override
        public List<String> sessionIds() {
            return List.of();
        }

        @Override
        public List<String> recordedProfileIds() {
            return List.of();
        }
    };

    /** The profiles of the configured projects, in the configuration's order. */
    List<String> profileIds();

    /** The recorded sessions, oldest first. */
    List<String> sessionIds();

    /** The profiles the recorded sessions ran, configured still or not, each once, in the order first recorded. */
    List<String> recordedProfileIds();
}
