package dev.offloadbench.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files for their owner alone: the state folder and everything in it (a session keeps the runs'
 * environment, the logs their output, the exports its results, the shell's history what was
 * typed). Folders are 0700 and files 0600, as the XDG rules ask; the one way such files and
 * folders are made.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates the folder (and missing parents) 0700, and makes an existing one 0700 too (an older
     * version created them 0755).
     */
    public static Path folder(Path folder) throws IOException {
        if (!AtomicFile.posix(folder)) {
            return Files.createDirectories(folder);
        }
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        tighten(folder, FOLDER);
        return folder;
    }

    /** Creates an empty file 0600 when there is none, so that whoever writes it next keeps it private. */
    public static void file(Path file) throws IOException {
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
    public static AtomicFile.Options writing() {
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
