package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code [offload] max_parallel} from an Offload configuration file. Everything else in
 * the file is Offload's business and is left alone.
 */
public final class TomlOffloadConfigReader implements OffloadConfigReader {
    public TomlOffloadConfigReader() {
    }

    @Override
    public OffloadConfig read(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new BenchException("Offload config " + path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new BenchException("Offload config " + path + " is not a file");
        }
        TomlParseResult toml = TomlFiles.parse(path);
        if (!toml.contains(List.of("offload"))) {
            return absent(path);
        }
        Object offload = toml.get(List.of("offload"));
        if (!(offload instanceof TomlTable)) {
            throw new BenchException(TomlFiles.at(path, TomlFiles.positionOf(toml, "offload"))
                    + "`offload` must be a table ([offload]), found " + TomlFiles.describeType(offload));
        }
        TomlTable table = (TomlTable) offload;
        if (!table.contains(List.of("max_parallel"))) {
            return absent(path);
        }
        Object value = table.get(List.of("max_parallel"));
        TomlPosition position = TomlFiles.positionOf(table, "max_parallel");
        String requirement = "`max_parallel` in [offload] must be a positive integer, found ";
        if (!(value instanceof Long)) {
            throw new BenchException(TomlFiles.at(path, position) + requirement + TomlFiles.describeType(value));
        }
        long maxParallel = (Long) value;
        if (maxParallel < 1 || maxParallel > Integer.MAX_VALUE) {
            throw new BenchException(TomlFiles.at(path, position) + requirement + maxParallel);
        }
        return new OffloadConfig(path, OptionalInt.of((int) maxParallel),
                Optional.of(new SourceLine(path, position.line())));
    }

    private static OffloadConfig absent(Path path) {
        return new OffloadConfig(path, OptionalInt.empty(), Optional.empty());
    }
}
