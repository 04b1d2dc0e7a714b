package dev.offloadbench.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another process for {@link UpdateLockTest}: takes the update lock of the file named by its
 * argument, prints {@code locked}, and keeps the lock until standard input closes.
 */
public final class UpdateLockHolder {
    private UpdateLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (UpdateLock lock = UpdateLock.acquire(Path.of(args[0]), Duration.ofMinutes(1), () -> { })) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // keep the lock until the test closes our input
            }
        }
    }
}
