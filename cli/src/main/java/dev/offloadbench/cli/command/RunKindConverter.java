package dev.offloadbench.cli.command;

import dev.offloadbench.domain.model.RunKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code baseline}, {@code high} or {@code offload}. */
public final class RunKindConverter implements ITypeConverter<RunKind> {
    @Override
    public RunKind convert(String value) {
        try {
            return RunKind.fromId(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
