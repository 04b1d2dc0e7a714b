package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.plan.FileDigest;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code [offload] max_parallel} and {@code [provider] type} from an Offload configuration
 * file. Everything else in the file is Offload's business and is left alone.
 */
public final class TomlOffloadConfigReader implements OffloadConfigReader {
    private static final Pattern PROVIDER_TYPE = Pattern.compile("[a-z][a-z0-9_-]*");

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
        byte[] bytes = TomlFiles.readBytes(path);
        Optional<FileDigest> digest = Optional.of(new FileDigest(path, sha256(bytes)));
        TomlParseResult toml = TomlFiles.parse(path, bytes);
        Optional<OffloadProvider> provider = provider(path, toml);
        if (!toml.contains(List.of("offload"))) {
            return absent(path, provider, digest);
        }
        Object offload = toml.get(List.of("offload"));
        if (!(offload instanceof TomlTable)) {
            throw new BenchException(TomlFiles.at(path, TomlFiles.positionOf(toml, "offload"))
                    + "`offload` must be a table ([offload]), found " + TomlFiles.describeType(offload));
        }
        TomlTable table = (TomlTable) offload;
        if (!table.contains(List.of("max_parallel"))) {
            return absent(path, provider, digest);
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
                Optional.of(new SourceLine(path, position.line())), provider, digest);
    }

    /** {@code [provider] type}: "modal", "local", "default" (custom commands), or a type a later Offload knows. */
    private static Optional<OffloadProvider> provider(Path path, TomlParseResult toml) {
        if (!toml.contains(List.of("provider"))) {
            return Optional.empty();
        }
        Object provider = toml.get(List.of("provider"));
        if (!(provider instanceof TomlTable table)) {
            throw new BenchException(TomlFiles.at(path, TomlFiles.positionOf(toml, "provider"))
                    + "`provider` must be a table ([provider]), found " + TomlFiles.describeType(provider));
        }
        if (!table.contains(List.of("type"))) {
            throw new BenchException(TomlFiles.at(path, TomlFiles.positionOf(toml, "provider"))
                    + "[provider] has no `type`; Offload needs one: type = \"modal\", \"local\" or \"default\"");
        }
        Object type = table.get(List.of("type"));
        if (!(type instanceof String text) || !PROVIDER_TYPE.matcher(text).matches()) {
            throw new BenchException(TomlFiles.at(path, TomlFiles.positionOf(table, "type"))
                    + "`type` in [provider] must be a provider name such as \"modal\", \"local\" or \"default\", found "
                    + (type instanceof String text ? "\"" + text + "\"" : TomlFiles.describeType(type)));
        }
        return Optional.of(OffloadProvider.of(text));
    }

    private static OffloadConfig absent(Path path, Optional<OffloadProvider> provider, Optional<FileDigest> digest) {
        return new OffloadConfig(path, OptionalInt.empty(), Optional.empty(), provider, digest);
    }

    /** The SHA-256 of the file's bytes, in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
