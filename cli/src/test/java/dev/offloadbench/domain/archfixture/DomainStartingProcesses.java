package dev.offloadbench.domain.archfixture;

import java.io.IOException;

/** Test fixture: a "domain" class that starts a process itself instead of asking a port. */
public class DomainStartingProcesses {
    public void start() throws IOException {
        Runtime.getRuntime().exec(new String[] {"true"});
    }
}
