package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The installed output parsers of runners other than pytest, and which run each one reads: the
 * local runs of a profile that names it. Offload runs print Offload's own summary.
 */
public final class OutputParsers {
    private final ProfileRegistry profiles;
    private final Map<String, TestOutputParser> byName = new LinkedHashMap<>();

    public OutputParsers(ProfileRegistry profiles, Collection<TestOutputParser> parsers) {
        this.profiles = profiles;
        for (TestOutputParser parser : parsers) {
            byName.put(parser.name(), parser);
        }
    }

    /** @throws BenchException when a profile names a parser that is not installed, before anything runs */
    void requireFor(Collection<String> profileIds) {
        for (String id : profileIds) {
            Optional<String> wanted = profiles.find(id).flatMap(p -> p.runs().outputParser());
            if (wanted.isPresent() && !byName.containsKey(wanted.get())) {
                throw new BenchException("profile " + id + " reads its runs with output parser `" + wanted.get()
                        + "`, which is not installed (installed: " + (byName.isEmpty() ? "none"
                                : String.join(", ", byName.keySet()))
                        + "); add the plugin jar that provides it. Nothing was run");
            }
        }
    }

    Optional<TestOutputParser> forRun(String profileId, RunKind kind) {
        if (!kind.isLocal()) {
            return Optional.empty();
        }
        return profiles.find(profileId).map(Profile::runs).flatMap(r -> r.outputParser()).map(byName::get);
    }
}
