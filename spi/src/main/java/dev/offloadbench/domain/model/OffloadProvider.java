package dev.offloadbench.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where Offload ran the tests: the {@code [provider] type} of the Offload configuration the run
 * used ({@code "modal"}, {@code "local"}, {@code "default"} for custom sandbox commands, or a
 * type a later Offload adds). The report names it: {@code Offload (Modal, max 200)},
 * {@code Offload (local, max 4)}.
 */
public record OffloadProvider(String type) {
    // before the constants below, which check their type with it
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*");

    /** The provider of the published numbers, and of a results document that names none. */
    public static final OffloadProvider MODAL = new OffloadProvider("modal");
    public static final OffloadProvider LOCAL = new OffloadProvider("local");

    public OffloadProvider {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("an Offload provider type is lower-case letters, digits, '-' or '_',"
                    + " starting with a letter: \"" + type + "\"");
        }
    }

    /** A provider type as written in a file; it is checked like any other. */
    public static OffloadProvider of(String type) {
        return new OffloadProvider(type == null ? null : type.strip().toLowerCase(Locale.ROOT));
    }

    /** The name the report uses: "Modal" (a product's name), else the type as Offload spells it ("local"). */
    public String displayName() {
        return this.equals(MODAL) ? "Modal" : type;
    }

    /** What Offload fans the tests out to, in the report's words: "isolated Modal sandboxes", "local processes". */
    public String sandboxes() {
        return switch (type) {
            case "modal" -> "isolated Modal sandboxes";
            case "local" -> "local processes";
            case "default" -> "sandboxes of its custom provider";
            default -> "isolated " + type + " sandboxes";
        };
    }

    @Override
    public String toString() {
        return type;
    }
}
