package dev.offloadbench.domain.archfixture;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: a "domain" class that looks at the file system itself instead of asking a port. */
public class DomainReadingFiles {
    public boolean folder(Path path) {
        return Files.isDirectory(path);
    }
}
