package dev.offloadbench.domain.spi;

/**
 * Reads the output of a test runner other than pytest, for the profiles that name it in their
 * {@link dev.offloadbench.domain.model.RunDefaults#outputParser()} (pytest and Offload are read
 * by offload-bench itself). Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.offloadbench.domain.spi.TestOutputParser}).
 *
 * <p>A profile's local runs are read with it; its Offload run prints Offload's own summary. The
 * output is read after the run has exited and its clock has stopped, never while it is timed.
 */
public interface TestOutputParser {
    /** The name profiles use to choose it: lower-case letters, digits, '-' or '_' ({@code cargo-nextest}). */
    String name();

    /** A fresh reader for the output of one execution. */
    TestOutputReader newReader();
}
