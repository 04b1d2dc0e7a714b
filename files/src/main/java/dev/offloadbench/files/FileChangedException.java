package dev.offloadbench.files;

import java.nio.file.FileSystemException;

/** The file is no longer what the writer read: another program changed, removed or replaced it meanwhile. */
public final class FileChangedException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    FileChangedException(String file, String reason) {
        super(file, null, reason);
    }
}
