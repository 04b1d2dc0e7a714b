package dev.offloadbench.adapters.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of this machine as Linux's {@code /proc} shows them: what is needed to find every
 * process of a run, whatever its parent, process group or session is now.
 */
final class ProcFs {
    static final Path PROC = Path.of("/proc");
    private static final int COMMAND_LIMIT = 80;

    private ProcFs() {
    }

    /** One process: its pid, parent, process group, session, state and start time (clock ticks since boot). */
    record Entry(long pid, long parent, long group, long session, char state, long startTicks) {
        /** Ended, or ending: a zombie waits only for its parent to collect its exit status. */
        boolean gone() {
            return state == 'Z' || state == 'X';
        }
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /** Every process there is now (those that end while being read are left out). */
    static List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path folder : folders) {
                try {
                    stat(Long.parseLong(folder.getFileName().toString())).ifPresent(entries::add);
                } catch (NumberFormatException e) {
                    // not a process
                }
            }
        } catch (IOException e) {
            // /proc could not be listed: nothing is known
        }
        return entries;
    }

    static Optional<Entry> stat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new Entry(pid, Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]), fields[0].charAt(0), Long.parseLong(fields[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of {@code variable} in the environment the process was started with (empty when
     * it has none, or its environment cannot be read: a process of another user, or gone).
     */
    static Optional<String> environmentValue(long pid, String variable) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        byte[] name = (variable + "=").getBytes(StandardCharsets.UTF_8);
        int start = 0;
        while (start < environ.length) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (end - start >= name.length && startsWith(environ, start, name)) {
                return Optional.of(new String(environ, start + name.length, end - start - name.length,
                        StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** The command line, shortened, for messages ({@code python3 -m pytest -n 2 tests}). */
    static String command(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            String text = new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return text.length() > COMMAND_LIMIT ? text.substring(0, COMMAND_LIMIT) + "..." : text;
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
