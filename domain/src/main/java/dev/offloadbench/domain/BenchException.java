package dev.offloadbench.domain;

/**
 * A problem the user can act on. The message says what is wrong, where (file, line, field,
 * recipe) and how to fix it; the CLI prints it without a stack trace.
 */
public class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
