package dev.offloadbench.files;

import java.nio.file.FileSystemException;

/** Another process held an {@link UpdateLock} for longer than the caller was willing to wait. */
public final class LockBusyException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    LockBusyException(String lockFile, String reason) {
        super(lockFile, null, reason);
    }
}
