package dev.offloadbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsFoldersAndFilesForTheirOwnerAloneAndTightensExistingOnes() throws IOException {
        Path existing = Files.createDirectories(dir.resolve("state"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = Files.writeString(existing.resolve("history"), "ls\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.folder(existing.resolve("sessions/1"));
        PrivateFiles.folder(existing);
        PrivateFiles.file(open);
        PrivateFiles.file(existing.resolve("new"));
        AtomicFile.write(existing.resolve("sessions/2/results.csv"), "a\n".getBytes(StandardCharsets.UTF_8),
                PrivateFiles.writing());

        assertThat(mode(existing)).isEqualTo("rwx------");
        assertThat(mode(existing.resolve("sessions"))).isEqualTo("rwx------");
        assertThat(mode(existing.resolve("sessions/1"))).isEqualTo("rwx------");
        assertThat(mode(existing.resolve("sessions/2"))).isEqualTo("rwx------");
        assertThat(mode(open)).isEqualTo("rw-------");
        assertThat(open).content().isEqualTo("ls\n");
        assertThat(mode(existing.resolve("new"))).isEqualTo("rw-------");
        assertThat(mode(existing.resolve("sessions/2/results.csv"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
