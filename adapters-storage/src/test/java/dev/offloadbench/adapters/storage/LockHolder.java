package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.SessionLock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process for {@link FileSessionLockTest}: {@code hold STATE} takes the lock, prints
 * {@code locked} and keeps it until standard input closes (or it is killed); {@code try STATE}
 * takes it and prints {@code locked} or {@code refused: <message>}, then exits.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        FileSessionLock lock = new FileSessionLock(Path.of(args[1]));
        SessionLock.Held held;
        try {
            held = lock.acquire();
        } catch (BenchException e) {
            System.out.println("refused: " + e.getMessage());
            return;
        }
        System.out.println("locked");
        System.out.flush();
        if (args[0].equals("hold")) {
            while (System.in.read() != -1) {
                // Keep the lock until the test closes our input or kills us.
            }
        }
        held.close();
    }
}
