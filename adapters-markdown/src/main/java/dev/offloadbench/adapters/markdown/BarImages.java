package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bar images of the Benchmarks tables: 1x1 SVG rectangles that stretch to the width and
 * height of their {@code <img>}. Missing ones are created beside the README; existing files,
 * whatever they hold, are left alone.
 */
final class BarImages {
    /** Image path (as the section refers to it, relative to the README) to its fill colour. */
    private static final Map<String, String> FILLS = Map.of(
            "docs/bar-local.svg", "#444",
            "docs/bar-offload.svg", "#22a355");
    private static final List<String> ORDER = List.of("docs/bar-local.svg", "docs/bar-offload.svg");

    private BarImages() {
    }

    static String svg(String fill) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" viewBox=\"0 0 1 1\""
                + " preserveAspectRatio=\"none\"><rect width=\"1\" height=\"1\" fill=\"" + fill + "\"/></svg>\n";
    }

    /** Creates the images the section refers to that do not exist yet; returns the files created. */
    static List<Path> createMissing(Path readme, String section) {
        Path folder = readme.toAbsolutePath().getParent();
        List<Path> created = new ArrayList<>();
        for (String image : ORDER) {
            if (!section.contains(image)) {
                continue;
            }
            Path file = folder.resolve(image);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, svg(FILLS.get(image)), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                created.add(file);
            } catch (FileAlreadyExistsException e) {
                // CREATE_NEW never replaces a file (nor follows a link): an existing image stays as it is
            } catch (IOException e) {
                throw new BenchException("the README was updated, but the bar image " + file + " could not be created ("
                        + IoProblems.reason(e) + "); create it by hand or check that " + file.getParent()
                        + " is a writable folder", e);
            }
        }
        return created;
    }
}
