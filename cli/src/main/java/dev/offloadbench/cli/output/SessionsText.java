package dev.offloadbench.cli.output;

import dev.offloadbench.domain.port.out.SessionStore;
import java.io.PrintWriter;
import java.util.List;

/** What is said about recorded sessions that cannot be read: skipped, never a blocker. */
public final class SessionsText {
    private SessionsText() {
    }

    public static void warnUnreadable(PrintWriter out, List<SessionStore.Unreadable> unreadable) {
        for (SessionStore.Unreadable session : unreadable) {
            out.println("warning: session " + session.id() + " cannot be read, so it is skipped: "
                    + session.problem());
        }
    }
}
