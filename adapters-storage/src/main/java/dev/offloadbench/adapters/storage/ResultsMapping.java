package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonToken;
import dev.offloadbench.adapters.storage.LocatedFields.Field;
import dev.offloadbench.adapters.storage.LocatedJson.Node;
import dev.offloadbench.adapters.storage.LocatedJson.Obj;
import dev.offloadbench.adapters.storage.LocatedJson.Scalar;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.ProfileId;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Maps a located tree of a schema-1 results document to the domain records. Fields it does not
 * know are skipped whatever their shape, so later schema additions do not break it; every
 * problem it finds names the file, the field's path and its line:column.
 */
final class ResultsMapping {
    static final int SCHEMA_VERSION = 1;

    private static final String SCHEMA_HINT =
            "this version of offload-bench reads schema " + SCHEMA_VERSION + " only";
    private static final Field SCHEMA = new Field("schema", SCHEMA_HINT);
    private static final Field MACHINE = new Field("machine", "a string");
    private static final Field PROJECTS = new Field("projects", "an array of projects");
    private static final Field PROFILE = new Field("profile",
            "a profile id: lower-case letters, digits, '-' or '_', starting with a letter");
    /** Bounds no real project comes near, so that a typo cannot pass for a count. */
    static final int MAX_TEST_COUNT = 1_000_000_000;
    static final int MAX_MAX_PARALLEL = 1_000_000;
    static final int MAX_WORKERS = 10_000;

    private static final Field TEST_COUNT = new Field("testCount", "an integer from 0 to " + MAX_TEST_COUNT);
    private static final Field MAX_PARALLEL = new Field("maxParallel", "an integer from 1 to " + MAX_MAX_PARALLEL);
    private static final Field PROVIDER = new Field("provider",
            "an Offload provider type: \"modal\", \"local\", \"default\", ... (lower case)");
    private static final Field RUNS = new Field("runs", "an array of runs");
    private static final Field KIND = new Field("kind", Arrays.stream(RunKind.values())
            .map(kind -> "\"" + kind.id() + "\"").collect(Collectors.joining(", ", "one of ", "")));
    private static final Field WORKERS = new Field("workers", "an integer from 1 to " + MAX_WORKERS);
    private static final Field SECONDS = new Field("seconds", "a positive number of seconds, at most "
            + LocatedFields.MAX_SECONDS);
    private static final Field VALID = new Field("valid", "true or false");
    private static final Field REASON = new Field("reason", "a string");
    private static final Field SAMPLES = new Field("samples", "the run's timed samples (an array of seconds)");
    private static final Field SAMPLE = new Field("samples", "a number of seconds from 0 to " + LocatedFields.MAX_SECONDS);
    private static final Field STDDEV = new Field("stddev", "the samples' standard deviation (a number of seconds"
            + " from 0 to " + LocatedFields.MAX_SECONDS + "), or null");

    private final LocatedFields fields;

    ResultsMapping(String file) {
        this.fields = new LocatedFields(file);
    }

    BenchmarkResults results(Node root) {
        Obj document = fields.object(root, "a results document (a JSON object)");
        checkSchema(document);
        String machine = fields.string(document, MACHINE);
        List<ProjectResults> projects = new ArrayList<>();
        Map<String, Node> profiles = new HashMap<>();
        for (Node element : fields.array(document, PROJECTS)) {
            Obj project = fields.object(element, "a project (a JSON object)");
            String profileId = profileId(project);
            Node profile = fields.value(project, PROFILE);
            Node first = profiles.putIfAbsent(profileId, profile);
            if (first != null) {
                throw fields.error(profile, profile.describe() + " appears twice in projects (first at "
                        + first.position() + "); list each project once");
            }
            projects.add(project(project, profileId));
        }
        return fields.construct(document, () -> new BenchmarkResults(machine, projects));
    }

    private ProjectResults project(Obj project, String profileId) {
        int testCount = fields.integer(project, TEST_COUNT, 0, MAX_TEST_COUNT);
        int maxParallel = fields.integer(project, MAX_PARALLEL, 1, MAX_MAX_PARALLEL);
        // optional: the published numbers were measured on Modal, and documents written before it name none
        OffloadProvider provider = project.has(PROVIDER.name()) ? provider(project) : OffloadProvider.MODAL;
        List<RunOutcome> runs = new ArrayList<>();
        Map<RunKind, Node> kinds = new EnumMap<>(RunKind.class);
        for (Node element : fields.array(project, RUNS)) {
            Obj run = fields.object(element, "a run (a JSON object)");
            RunKind kind = kind(run);
            Node first = kinds.putIfAbsent(kind, fields.value(run, KIND));
            if (first != null) {
                throw fields.error(fields.value(run, KIND), "a second \"" + kind.id() + "\" run (the first is at "
                        + first.position() + "); a project has at most one run of each kind");
            }
            runs.add(run(run, kind));
        }
        return fields.construct(project, () -> new ProjectResults(profileId, testCount, maxParallel, provider, runs));
    }

    private RunOutcome run(Obj run, RunKind kind) {
        // Offload runs record no xdist workers, but a document that gives them keeps them.
        OptionalInt workers = kind.isLocal() || run.has(WORKERS.name())
                ? OptionalInt.of(fields.integer(run, WORKERS, 1, MAX_WORKERS))
                : OptionalInt.empty();
        BigDecimal seconds = fields.seconds(run, SECONDS, false);
        Validity validity = fields.bool(run, VALID)
                ? Validity.VALID
                : Validity.invalid(run.has(REASON.name()) ? fields.string(run, REASON) : null);
        Optional<RunOutcome.Spread> spread = spread(run);
        return fields.construct(run, () -> new RunOutcome(kind, workers, seconds, validity, spread));
    }

    /**
     * Optional: how many timed samples the run had and their standard deviation, as a session's
     * {@code session.json} gives them ({@code "samples": [...]}, {@code "stddev"}); none for one
     * sample, or a document without them.
     */
    private Optional<RunOutcome.Spread> spread(Obj run) {
        if (!run.has(SAMPLES.name()) || !run.has(STDDEV.name())) {
            return Optional.empty();
        }
        List<Node> samples = fields.array(run, SAMPLES);
        for (Node sample : samples) {
            fields.seconds(sample, SAMPLE.expected(), true);
        }
        BigDecimal deviation = fields.seconds(fields.value(run, STDDEV), STDDEV.expected(), true);
        return samples.size() < 2 ? Optional.empty()
                : Optional.of(new RunOutcome.Spread(samples.size(), deviation));
    }

    /** The document's {@code "schema"} is the one version this reader knows. */
    void checkSchema(Obj document) {
        Node schema = fields.value(document, SCHEMA);
        boolean supported = schema instanceof Scalar scalar
                && scalar.token() == JsonToken.VALUE_NUMBER_INT
                && new BigInteger(scalar.text()).equals(BigInteger.valueOf(SCHEMA_VERSION));
        if (!supported) {
            throw fields.error(schema, "unsupported schema version " + schema.describe() + "; " + SCHEMA_HINT);
        }
    }

    private OffloadProvider provider(Obj project) {
        String type = fields.string(project, PROVIDER);
        try {
            return new OffloadProvider(type);
        } catch (IllegalArgumentException e) {
            throw fields.mismatch(fields.value(project, PROVIDER), PROVIDER.expected());
        }
    }

    private String profileId(Obj project) {
        String id = fields.string(project, PROFILE);
        try {
            return ProfileId.check(id);
        } catch (IllegalArgumentException e) {
            throw fields.mismatch(fields.value(project, PROFILE), PROFILE.expected());
        }
    }

    private RunKind kind(Obj run) {
        String id = fields.string(run, KIND);
        return Arrays.stream(RunKind.values())
                .filter(kind -> kind.id().equals(id))
                .findFirst()
                .orElseThrow(() -> fields.mismatch(fields.value(run, KIND), KIND.expected()));
    }
}
