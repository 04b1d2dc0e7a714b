package dev.offloadbench.files;

import java.nio.file.FileSystemException;

/**
 * The replacement could not be given the file's owner or group (only root may give a file to
 * another user), so replacing the file would have changed who owns it: nothing was replaced.
 */
public final class OwnerNotKeptException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    OwnerNotKeptException(String file, String reason) {
        super(file, null, reason);
    }
}
