package dev.offloadbench.adapters.storage;

import dev.offloadbench.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state folder and what is in it are for their owner alone: a session keeps the runs'
 * environment and the logs their output. Folders are 0700 and files 0600, as the XDG rules ask.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates the folder (and missing parents) 0700, and makes an existing one 0700 too (an older
     * version created them 0755).
     */
    static Path folder(Path folder) throws IOException {
        if (!AtomicFile.posix(folder)) {
            return Files.createDirectories(folder);
        }
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        tighten(folder, FOLDER);
        return folder;
    }

    /** Creates an empty file 0600 when there is none, so that whoever writes it next keeps it private. */
    static void file(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            tighten(file, FILE);
            return;
        }
        if (AtomicFile.posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    /** How a private file is written: created 0600, in folders created 0700. */
    static AtomicFile.Options writing() {
        return AtomicFile.Options.defaults().newFilePermissions(FILE).newFolderPermissions(FOLDER);
    }

    private static void tighten(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!AtomicFile.posix(path) || Files.isSymbolicLink(path)) {
            return;
        }
        if (!Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
