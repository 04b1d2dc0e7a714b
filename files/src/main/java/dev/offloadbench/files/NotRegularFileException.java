package dev.offloadbench.files;

import java.nio.file.FileSystemException;

/**
 * The path names something other than a regular file (a FIFO, a device, a socket, a folder, or
 * a symbolic link where none may be). It was refused without being opened, so a FIFO cannot hang
 * the program.
 */
public final class NotRegularFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    private final String kind;

    NotRegularFileException(String file, String kind) {
        super(file, null, "it is " + kind + ", not a regular file");
        this.kind = kind;
    }

    /** What it is instead: "a FIFO (named pipe)", "a directory", ... */
    public String kind() {
        return kind;
    }
}
