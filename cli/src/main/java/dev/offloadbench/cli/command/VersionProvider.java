package dev.offloadbench.cli.command;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the Maven project version). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"offload-bench " + (version == null ? "(development build)" : version)};
    }
}
