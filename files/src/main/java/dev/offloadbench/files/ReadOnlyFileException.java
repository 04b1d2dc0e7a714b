package dev.offloadbench.files;

import java.nio.file.FileSystemException;

/** The file is read-only (no write permission), and the writer was asked not to replace such a file. */
public final class ReadOnlyFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    ReadOnlyFileException(String file) {
        super(file, null, "it is read-only");
    }
}
