package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.NotRegularFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
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

    /**
     * Creates the images the section refers to that do not exist yet, in {@code folder} (the
     * README's folder: the folder of the file a symbolic link points to); returns the files created.
     */
    static List<Path> createMissing(Path folder, String section) {
        List<Path> created = new ArrayList<>();
        for (String image : ORDER) {
            if (!section.contains(image)) {
                continue;
            }
            Path file = folder.resolve(image);
            try {
                AtomicFile.write(file, svg(FILLS.get(image)).getBytes(StandardCharsets.UTF_8),
                        AtomicFile.Options.defaults().createOnly());
                created.add(file);
            } catch (FileAlreadyExistsException | NotRegularFileException e) {
                // created only where nothing is: an existing image (or a link) stays as it is
            } catch (IOException e) {
                throw new BenchException("the README was updated, but the bar image " + file + " could not be created ("
                        + AtomicFile.reason(e) + "); create it by hand or check that " + file.getParent()
                        + " is a writable folder", e);
            }
        }
        return created;
    }
}
