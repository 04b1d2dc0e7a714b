package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.check.CheckResult;
import java.util.List;

/** The procedure's prerequisites, each with its remedy. */
public interface CheckPrerequisites {
    List<CheckResult> check(Options options);

    /**
     * @param install run {@code just install} in the Offload repository
     * @param online check the Modal token with Modal's servers ({@code modal token info})
     */
    record Options(boolean install, boolean online) {
    }
}
