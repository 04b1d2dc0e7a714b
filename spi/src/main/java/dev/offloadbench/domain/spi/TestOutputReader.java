package dev.offloadbench.domain.spi;

/** Reads one execution's output, a line at a time, in order, from one thread. */
public interface TestOutputReader {
    /** One line, without its line break and with colour codes removed. */
    void line(String line);

    /** What the lines said, once they have all been read. */
    TestCounts counts();
}
