package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonToken;
import dev.offloadbench.adapters.storage.LocatedJson.Arr;
import dev.offloadbench.adapters.storage.LocatedJson.Node;
import dev.offloadbench.adapters.storage.LocatedJson.Obj;
import dev.offloadbench.adapters.storage.LocatedJson.Scalar;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
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
import java.util.OptionalInt;
import java.util.function.Supplier;
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
    private static final Field TEST_COUNT = new Field("testCount", "a non-negative integer");
    private static final Field MAX_PARALLEL = new Field("maxParallel", "an integer >= 1");
    private static final Field RUNS = new Field("runs", "an array of runs");
    private static final Field KIND = new Field("kind", Arrays.stream(RunKind.values())
            .map(kind -> "\"" + kind.id() + "\"").collect(Collectors.joining(", ", "one of ", "")));
    private static final Field WORKERS = new Field("workers", "an integer >= 1");
    private static final Field SECONDS = new Field("seconds", "a non-negative number");
    private static final Field VALID = new Field("valid", "true or false");
    private static final Field REASON = new Field("reason", "a string");

    /** A field of the schema and what its value must be, as the error messages say it. */
    private record Field(String name, String expected) {
    }

    private final String file;

    ResultsMapping(String file) {
        this.file = file;
    }

    BenchmarkResults results(Node root) {
        Obj document = object(root, "a results document (a JSON object)");
        checkSchema(value(document, SCHEMA));
        String machine = string(document, MACHINE);
        List<ProjectResults> projects = new ArrayList<>();
        Map<String, Node> profiles = new HashMap<>();
        for (Node element : array(document, PROJECTS)) {
            Obj project = object(element, "a project (a JSON object)");
            String profileId = profileId(project);
            Node profile = value(project, PROFILE);
            Node first = profiles.putIfAbsent(profileId, profile);
            if (first != null) {
                throw error(profile, profile.describe() + " appears twice in projects (first at " + first.position()
                        + "); list each project once");
            }
            projects.add(project(project, profileId));
        }
        return construct(document, () -> new BenchmarkResults(machine, projects));
    }

    private ProjectResults project(Obj project, String profileId) {
        int testCount = integer(project, TEST_COUNT, 0);
        int maxParallel = integer(project, MAX_PARALLEL, 1);
        List<RunOutcome> runs = new ArrayList<>();
        Map<RunKind, Node> kinds = new EnumMap<>(RunKind.class);
        for (Node element : array(project, RUNS)) {
            Obj run = object(element, "a run (a JSON object)");
            RunKind kind = kind(run);
            Node first = kinds.putIfAbsent(kind, value(run, KIND));
            if (first != null) {
                throw error(value(run, KIND), "a second \"" + kind.id() + "\" run (the first is at " + first.position()
                        + "); a project has at most one run of each kind");
            }
            runs.add(run(run, kind));
        }
        return construct(project, () -> new ProjectResults(profileId, testCount, maxParallel, runs));
    }

    private RunOutcome run(Obj run, RunKind kind) {
        // Offload runs record no xdist workers, but a document that gives them keeps them.
        OptionalInt workers = kind.isLocal() || run.has(WORKERS.name())
                ? OptionalInt.of(integer(run, WORKERS, 1))
                : OptionalInt.empty();
        BigDecimal seconds = nonNegativeNumber(run, SECONDS);
        Validity validity = bool(run, VALID)
                ? Validity.VALID
                : Validity.invalid(run.has(REASON.name()) ? string(run, REASON) : null);
        return construct(run, () -> new RunOutcome(kind, workers, seconds, validity));
    }

    private void checkSchema(Node schema) {
        boolean supported = schema instanceof Scalar scalar
                && scalar.token() == JsonToken.VALUE_NUMBER_INT
                && new BigInteger(scalar.text()).equals(BigInteger.valueOf(SCHEMA_VERSION));
        if (!supported) {
            throw error(schema, "unsupported schema version " + schema.describe() + "; " + SCHEMA_HINT);
        }
    }

    private String profileId(Obj project) {
        String id = string(project, PROFILE);
        try {
            return ProfileId.check(id);
        } catch (IllegalArgumentException e) {
            throw mismatch(value(project, PROFILE), PROFILE.expected());
        }
    }

    private RunKind kind(Obj run) {
        String id = string(run, KIND);
        return Arrays.stream(RunKind.values())
                .filter(kind -> kind.id().equals(id))
                .findFirst()
                .orElseThrow(() -> mismatch(value(run, KIND), KIND.expected()));
    }

    // ---- path-aware accessors: each names the field's path and position when the value is wrong

    private Node value(Obj owner, Field field) {
        Node value = owner.fields().get(field.name());
        if (value == null) {
            throw error(owner, "missing required field \"" + field.name() + "\" (" + field.expected() + ")");
        }
        return value;
    }

    private Obj object(Node node, String expected) {
        if (node instanceof Obj obj) {
            return obj;
        }
        throw mismatch(node, expected);
    }

    private List<Node> array(Obj owner, Field field) {
        Node value = value(owner, field);
        if (value instanceof Arr arr) {
            return arr.elements();
        }
        throw mismatch(value, field.expected());
    }

    private String string(Obj owner, Field field) {
        return scalar(owner, field, JsonToken.VALUE_STRING).text();
    }

    private boolean bool(Obj owner, Field field) {
        Node value = value(owner, field);
        if (value instanceof Scalar scalar && scalar.token().isBoolean()) {
            return scalar.token() == JsonToken.VALUE_TRUE;
        }
        throw mismatch(value, field.expected());
    }

    private int integer(Obj owner, Field field, int min) {
        Scalar value = scalar(owner, field, JsonToken.VALUE_NUMBER_INT);
        BigInteger number = new BigInteger(value.text());
        if (number.compareTo(BigInteger.valueOf(min)) < 0) {
            throw mismatch(value, field.expected());
        }
        if (number.bitLength() >= Integer.SIZE) {
            throw error(value, "expected " + field.expected() + ", found " + value.text() + ", which is too large");
        }
        return number.intValue();
    }

    /** The number exactly as written: {@code 726.0} keeps its scale. */
    private BigDecimal nonNegativeNumber(Obj owner, Field field) {
        Node value = value(owner, field);
        if (value instanceof Scalar scalar && scalar.isNumber()) {
            BigDecimal number = new BigDecimal(scalar.text());
            if (number.signum() >= 0) {
                return number;
            }
        }
        throw mismatch(value, field.expected());
    }

    private Scalar scalar(Obj owner, Field field, JsonToken token) {
        Node value = value(owner, field);
        if (value instanceof Scalar scalar && scalar.token() == token) {
            return scalar;
        }
        throw mismatch(value, field.expected());
    }

    /** A domain invariant the checks above did not anticipate still points at the object that broke it. */
    private <T> T construct(Node at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private BenchException mismatch(Node node, String expected) {
        return error(node, "expected " + expected + ", found " + node.describe());
    }

    private BenchException error(Node node, String message) {
        return new BenchException(LocatedJson.locate(file, node.position(), node.path()) + message);
    }
}
