package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import java.nio.file.Path;
import java.util.List;

/** Reads justfiles through the real {@code just}, never by parsing them itself. */
public interface JustfileReader {
    /**
     * The justfile of a project folder ({@code just --dump --dump-format json}), with the lines
     * where its recipes and variables are defined.
     *
     * @throws dev.offloadbench.domain.BenchException when there is no justfile, or just rejects
     *     it (the message carries just's file:line:column)
     */
    Justfile read(Path projectDirectory);

    /**
     * The command lines the call would run, dependencies included, in order
     * ({@code just --dry-run}); nothing is executed, not even backticks.
     */
    List<String> dryRun(Path projectDirectory, RecipeCall call);

    /**
     * A variable's value as the call would see it ({@code just --evaluate NAME}, with the call's
     * variables and environment). Only for expressions that run no command: just evaluates
     * backticks too.
     *
     * @return empty when just cannot evaluate it
     */
    java.util.Optional<String> evaluate(Path projectDirectory, RecipeCall call, String variable);
}
