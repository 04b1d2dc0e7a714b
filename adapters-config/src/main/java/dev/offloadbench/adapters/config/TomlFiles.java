package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.files.Utf8Text;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Parsing TOML files with tomlj, and describing places and values for messages. */
final class TomlFiles {
    /** Configuration files are small; anything larger is not one. */
    static final long MAX_BYTES = 4L << 20;

    private TomlFiles() {
    }

    /**
     * The parsed file, or a {@link BenchException} listing every syntax error, one per line, each
     * as {@code FILE:LINE:COL: message}.
     */
    static TomlParseResult parse(Path file) {
        return parse(file, readBytes(file));
    }

    /** {@link #parse(Path)} of bytes already read from {@code file}. */
    static TomlParseResult parse(Path file, byte[] bytes) {
        TomlParseResult result = Toml.parse(decode(file, bytes));
        if (result.hasErrors()) {
            throw new BenchException(describeErrors(file, result.errors()));
        }
        return result;
    }

    /** The parse result, errors included; only an unreadable file throws, saying why. */
    static TomlParseResult parseAllowingErrors(Path file) {
        return Toml.parse(readText(file));
    }

    /**
     * A configuration file's text (TOML, or pytest's ini files): it must be a readable regular
     * file of at most {@link #MAX_BYTES} bytes of UTF-8; anything else is said plainly, with the
     * offending byte's offset.
     */
    static String readText(Path file) {
        return decode(file, readBytes(file));
    }

    /** A configuration file's bytes: a readable regular file of at most {@link #MAX_BYTES} bytes. */
    static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new BenchException(file + " is a directory, not a configuration file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new BenchException(file + " is not a regular file; a configuration file is expected there");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BenchException(file + " is " + size + " bytes; a configuration file is at most "
                        + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new BenchException("cannot read " + file + ": permission denied; check the file's permissions", e);
        } catch (NoSuchFileException e) {
            throw new BenchException("cannot read " + file + ": it does not exist", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage();
            throw new BenchException("cannot read " + file + ": " + reason, e);
        }
    }

    /** The text of a configuration file's bytes: UTF-8, without a byte-order mark; anything else said plainly. */
    static String decode(Path file, byte[] bytes) {
        String text = Utf8Text.decode(bytes).orElseThrow(() -> new BenchException(file + " is "
                + Utf8Text.whyNot(bytes) + "; it is read as UTF-8 (as TOML and pytest do): convert it, e.g. with"
                + " iconv -t UTF-8"));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Every error, one per line in the order of the file, as {@code FILE:LINE:COL: message}. */
    static String describeErrors(Path file, List<TomlParseError> errors) {
        return errors.stream()
                .sorted(Comparator.comparing(TomlParseError::position,
                        Comparator.nullsLast(Comparator.comparingInt(TomlPosition::line)
                                .thenComparingInt(TomlPosition::column))))
                .map(error -> at(file, error.position()) + error.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** {@code FILE:LINE:COL: }, or {@code FILE: } when the position is unknown. */
    static String at(Path file, TomlPosition position) {
        if (position == null) {
            return file + ": ";
        }
        return file + ":" + position.line() + ":" + position.column() + ": ";
    }

    /** Where {@code key} of {@code table} was defined ({@code key} is one key, never split at dots). */
    static TomlPosition positionOf(TomlTable table, String key) {
        return table.inputPositionOf(List.of(key));
    }

    static boolean isRegularFile(Path file) {
        return Files.isRegularFile(file);
    }

    /** "a string", "an integer", ... for "found ..." in messages. */
    static String describeType(Object value) {
        if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long) {
            return "an integer";
        } else if (value instanceof Double) {
            return "a float";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof TomlArray) {
            return "an array";
        } else if (value instanceof TomlTable) {
            return "a table";
        } else if (value instanceof LocalDate) {
            return "a date";
        } else if (value instanceof LocalTime) {
            return "a time";
        } else if (value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return "a date-time";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
