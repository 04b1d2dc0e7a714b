package dev.offloadbench.cli.plugin;

import java.nio.file.Path;

/** A plugin jar that could not be loaded, and why: the message a user acts on. */
public record PluginFailure(Path jar, String cause) {
    @Override
    public String toString() {
        return "plugin " + jar + " was not loaded: " + cause + "; the other plugins were";
    }
}
