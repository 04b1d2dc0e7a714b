package dev.offloadbench.domain.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One prerequisite: what was checked, how it stands, and what to do when it is not fine.
 *
 * @param offloadOnly it matters only to Offload runs (the offload binary, Modal credentials, the
 *     Offload repository); without them a session still runs its local runs
 */
public record CheckResult(String name, Status status, String detail, Optional<String> remedy, boolean offloadOnly) {
    public enum Status { OK, WARN, FAIL, SKIPPED }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(remedy, "remedy");
    }

    public static boolean anyFailed(java.util.List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    public static CheckResult ok(String name, String detail) {
        return new CheckResult(name, Status.OK, detail, Optional.empty(), false);
    }

    public static CheckResult fail(String name, String detail, String remedy) {
        return new CheckResult(name, Status.FAIL, detail, Optional.of(remedy), false);
    }

    public static CheckResult warn(String name, String detail, String remedy) {
        return new CheckResult(name, Status.WARN, detail, Optional.of(remedy), false);
    }

    public static CheckResult skipped(String name, String detail, String remedy) {
        return new CheckResult(name, Status.SKIPPED, detail, Optional.of(remedy), false);
    }

    /** The same result, marked as mattering only to Offload runs. */
    public CheckResult forOffload() {
        return new CheckResult(name, status, detail, remedy, true);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
