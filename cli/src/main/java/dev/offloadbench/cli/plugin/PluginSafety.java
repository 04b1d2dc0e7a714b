package dev.offloadbench.cli.plugin;

import dev.offloadbench.domain.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether loading code from a path is safe: the code runs as the user running bench, so nobody
 * else may have been able to put it there. A plugin jar, and the folder it is found in, must be
 * owned by that user (or by root) and writable by nobody else. A folder writable by others with
 * the sticky bit (such as {@code /tmp}) holds a jar safely: nobody else can replace it there.
 */
final class PluginSafety {
    private static final int STICKY = 01000;
    private static final String ROOT = "root";

    private final String user;

    PluginSafety(String user) {
        this.user = user;
    }

    /** As the user this process runs as. */
    static PluginSafety ofCurrentUser() {
        return new PluginSafety(System.getProperty("user.name"));
    }

    /** @throws BenchException saying what is unsafe and how to fix it */
    void requireSafeFolder(Path folder) {
        require(folder, "plugin folder", false);
    }

    /** A jar, and the folder it is in. */
    void requireSafeJar(Path jar) {
        require(jar, "plugin jar", false);
        Path folder = real(jar).getParent();
        if (folder != null) {
            require(folder, "folder of plugin jar " + jar + ",", true);
        }
    }

    private void require(Path path, String what, boolean stickyAllowed) {
        Path real = real(path);
        String owner;
        Set<PosixFilePermission> permissions;
        int mode;
        try {
            owner = Files.getOwner(real).getName();
            permissions = Files.getPosixFilePermissions(real);
            mode = (Integer) Files.getAttribute(real, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return; // no POSIX owner and permissions here: nothing to check them against
        } catch (IOException e) {
            throw new BenchException("refusing to load plugins: cannot check who may write " + what + " " + path
                    + " (" + e.getMessage() + ")");
        }
        String shown = real.equals(path) ? path.toString() : path + " (" + real + ")";
        if (!owner.equals(user) && !owner.equals(ROOT)) {
            throw new BenchException("refusing to load plugins: " + what + " " + shown + " is owned by " + owner
                    + ", not by " + user + " (who runs bench) or root, so code of another user would run as "
                    + user + ". Fix: chown " + user + " " + real + ", or remove it");
        }
        List<String> writers = new ArrayList<>();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)) {
            writers.add("its group");
        }
        if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            writers.add("every user");
        }
        boolean sticky = (mode & STICKY) != 0;
        if (!writers.isEmpty() && !(stickyAllowed && sticky)) {
            throw new BenchException("refusing to load plugins: " + what + " " + shown + " can be written by "
                    + String.join(" and ", writers) + " (" + PosixFilePermissions.toString(permissions)
                    + "), so another user could make bench run their code. Fix: chmod go-w " + real);
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
